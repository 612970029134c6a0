//! Cleaning the chosen container: Readability's `prepArticle` (conditional cleaning, data tables,
//! headers, forms, embeds) and the boilerplate left inside articles (share bars, promos, sign-up
//! boxes, kickers, trailing "related" lists).

use super::dom::{Dom, NodeId, TextLens, is_blank, normalize_spaces};
use super::patterns as pat;
use super::readability::*;

pub(super) struct Cleaner<'h> {
    pub(super) flags: Flags,
    pub(super) data_tables: IdSet,
    pub(super) host: Option<&'h str>,
}

impl Cleaner<'_> {
    pub(super) fn prep_article(&mut self, dom: &mut Dom, article: NodeId) {
        self.mark_data_tables(dom, article);
        let picture_texts = picture_texts(dom, article);
        // Screen-reader-only labels ("Image caption, ", "Continue reading the main story").
        for n in dom.descendants(article) {
            if dom.attr(n, "class").is_some_and(pat::is_visually_hidden) {
                dom.detach(n);
            }
        }
        // Forms that ask for something (an e-mail address, a message, a password, a consent),
        // taken before sign-up boxes and their fields go.
        let asking: Vec<NodeId> =
            dom.by_tags(article, &["form", "fieldset"]).into_iter().filter(|&f| form_asks(dom, f)).collect();
        remove_signup_boxes(dom, article);
        self.clean_conditionally(dom, article, "form");
        self.clean_conditionally(dom, article, "fieldset");
        // A form kept by now that asks for nothing and holds paragraphs is content (a shop's
        // product form wraps its description): the sanitizer drops forms whole, so it becomes a
        // plain block.
        for f in dom.by_tags(article, &["form", "fieldset"]) {
            if !asking.contains(&f)
                && dom.by_tags(f, &["p"]).into_iter().any(|p| dom.inner_len(p) >= FORM_PARAGRAPH_MIN_CHARS)
            {
                dom.set_tag(f, "div");
            }
        }
        clean(dom, article, &["object", "embed", "footer", "link", "aside"]);
        let mut ms = String::new();
        for child in dom.element_children(article) {
            let mut next = next_element_in(dom, child, child, false);
            while let Some(n) = next {
                dom.match_string_into(n, &mut ms);
                if pat::is_share(&ms) && dom.text_content(n).chars().count() < 500 {
                    next = next_element_in(dom, n, child, true);
                    dom.detach(n);
                } else {
                    next = next_element_in(dom, n, child, false);
                }
            }
        }
        clean(dom, article, &["iframe", "input", "textarea", "select", "button"]);
        for h in dom.by_tags(article, &["h1", "h2"]) {
            if class_weight(dom, h, self.flags) < 0.0 {
                dom.detach(h);
            }
        }
        self.clean_conditionally(dom, article, "table");
        self.clean_conditionally(dom, article, "ul");
        self.clean_conditionally(dom, article, "div");
        for h in dom.by_tags(article, &["h1"]) {
            dom.set_tag(h, "h2");
        }
        for p in dom.by_tags(article, &["p"]) {
            // Most paragraphs have text: their media are not counted.
            if !dom.has_text(p) && dom.count_tags(p, &["img", "embed", "object", "iframe", "picture", "video"]) == 0 {
                dom.detach(p);
            }
        }
        for br in dom.by_tags(article, &["br"]) {
            if skip_blank(dom, dom.next_sibling(br)).is_some_and(|n| dom.is_tag(n, "p")) {
                dom.detach(br);
            }
        }
        remove_credited_captions(dom, article, &picture_texts);
        remove_inline_boilerplate(dom, article);
        remove_promos_and_controls(dom, article);
        remove_closing_notes(dom, article);
        remove_trailing_headings(dom, article, self.host);
        remove_leading_kickers(dom, article, self.host);
        for table in dom.by_tags(article, &["table"]) {
            let tbody =
                if has_single_tag_inside(dom, table, "tbody") { dom.first_element_child(table) } else { Some(table) };
            let Some(tbody) = tbody else { continue };
            if !has_single_tag_inside(dom, tbody, "tr") {
                continue;
            }
            let Some(row) = dom.first_element_child(tbody) else { continue };
            if !has_single_tag_inside(dom, row, "td") {
                continue;
            }
            let Some(cell) = dom.first_element_child(row) else { continue };
            let all_phrasing = dom.children(cell).iter().all(|&c| is_phrasing(dom, c));
            dom.set_tag(cell, if all_phrasing { "p" } else { "div" });
            dom.replace(table, cell);
        }
    }

    fn mark_data_tables(&mut self, dom: &Dom, root: NodeId) {
        for t in dom.by_tags(root, &["table"]) {
            if is_data_table(dom, t) {
                self.data_tables.insert(t);
            }
        }
    }

    fn clean_conditionally(&self, dom: &mut Dom, root: NodeId, tag: &str) {
        if !self.flags.clean_conditionally {
            return;
        }
        for n in dom.by_tags(root, &[tag]).into_iter().rev() {
            if self.should_remove(dom, n, tag) {
                dom.detach(n);
            }
        }
    }

    fn should_remove(&self, dom: &Dom, n: NodeId, tag: &str) -> bool {
        // The cheap verdicts first (nothing below changes the page).
        if tag == "table" && self.data_tables.contains(&n) {
            return false;
        }
        let mut anc = dom.parent(n);
        while let Some(a) = anc {
            if (dom.is_tag(a, "table") && self.data_tables.contains(&a)) || dom.is_tag(a, "code") {
                return false;
            }
            anc = dom.parent(a);
        }
        // Most pages have no data table: their blocks are not searched for one.
        let table = Dom::mask_of(&["table"]);
        if !self.data_tables.is_empty()
            && dom.iter_descendants(n).any(|d| dom.in_mask(d, table) && self.data_tables.contains(&d))
        {
            return false;
        }
        let weight = class_weight(dom, n, self.flags);
        if weight < 0.0 {
            return true;
        }
        // Commas and dots are never white space: the raw text has as many as the folded one.
        let (mut commas, mut dots) = (0, 0);
        dom.for_each_text(n, |t| {
            let (c, d) = count_bytes(t.as_bytes(), b',', b'.');
            commas += c;
            dots += if t.is_ascii() { d } else { d + t.matches('…').count() };
        });
        if commas >= 10 {
            return false;
        }
        let len = dom.inner_len(n);
        let mut is_list = tag == "ul" || tag == "ol";
        if !is_list {
            let list_len: usize = dom.by_tags(n, &["ul", "ol"]).iter().map(|&l| dom.inner_len(l)).sum();
            is_list = len > 0 && list_len as f64 / len as f64 > 0.9;
        }
        let [p, img, li, input] = dom.count_each_tag(n, ["p", "img", "li", "input"]).map(|c| c as f64);
        let li = li - 100.0;
        let heading_density = text_density(dom, n, &["h1", "h2", "h3", "h4", "h5", "h6"], len);
        let mut embeds = 0;
        for e in dom.by_tags(n, &["object", "embed", "iframe"]) {
            if dom.attrs(e).iter().any(|(_, v)| pat::is_video_url(v)) {
                return false;
            }
            embeds += 1;
        }
        if len <= dots + pat::AD_OR_LOADING_MAX_CHARS && pat::is_ad_or_loading_text(&dom.inner_text(n)) {
            return true;
        }
        let ld = link_density(dom, n);
        let textish: Vec<&str> = ["span", "li", "td"].into_iter().chain(pat::DIV_TO_P_ELEMS.iter().copied()).collect();
        let td = text_density(dom, n, &textish, len);
        let in_figure = dom.has_ancestor_tag(n, "figure", 0);
        let remove = (!in_figure && img > 1.0 && p / img < 0.5)
            || (!is_list && li > p)
            || (input > (p / 3.0).floor())
            || (!is_list && !in_figure && heading_density < 0.9 && len < 25 && (img == 0.0 || img > 2.0) && ld > 0.0)
            || (!is_list && weight < 25.0 && ld > 0.2)
            || (weight >= 25.0 && ld > 0.5)
            || ((embeds == 1 && len < 75) || embeds > 1)
            || (img == 0.0 && td == 0.0);
        if is_list && remove {
            // Keep simple image lists: every item one image.
            if dom.element_children(n).iter().any(|&c| dom.element_children(c).len() > 1) {
                return true;
            }
            if img == dom.count_tags(n, &["li"]) as f64 {
                return false;
            }
        }
        remove
    }
}

/// The alt and title texts of the content's pictures, taken before cleaning may drop a picture and
/// leave its caption.
fn picture_texts(dom: &Dom, article: NodeId) -> Vec<String> {
    // Shorter texts ("Foto", a name) say too little to tell a caption by.
    const CAPTION_ALT_MIN_CHARS: usize = 15;
    let mut alts: Vec<String> = Vec::new();
    for img in dom.by_tags(article, &["img"]).into_iter().chain(dom.by_tags(super::dom::ROOT, &["img"])) {
        for a in ["alt", "title"] {
            if let Some(v) =
                dom.attr(img, a).map(normalize_spaces).filter(|v| v.chars().count() >= CAPTION_ALT_MIN_CHARS)
            {
                alts.push(v);
            }
        }
    }
    alts
}

/// Drops the captions of pictures that credit the picture ("Der Hafen im Morgenlicht. Foto: dpa", a
/// figcaption with its "© Agentur" part): photo-desk furniture that people do not read as the
/// article's text. A caption is a figcaption, a block marked as one, or a block repeating the text
/// of a picture's alt or title; captions without a credit stay.
fn remove_credited_captions(dom: &mut Dom, article: NodeId, alts: &[String]) {
    const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
    let media = ["img", "picture", "video", "iframe"];
    // Measured once: a block only loses text as captions inside it go (see remove_inline_boilerplate).
    let lens = TextLens::new(dom, article, |_| 0);
    let mut ms = String::new();
    let blocks = ["figcaption", "p", "div", "span", "small", "h2", "h3", "h4", "h5", "h6"];
    for n in dom.by_tags(article, &blocks) {
        if !dom.is_under(n, article) {
            continue;
        }
        let len = lens.inner_len(n);
        if len == 0 || len > pat::CAPTION_MAX_CHARS || dom.count_tags(n, &media) > 0 {
            continue;
        }
        dom.match_string_into(n, &mut ms);
        // A block marked as a caption holds no heading (a teaser's card may be marked so).
        let marked = dom.is_tag(n, "figcaption") || (pat::is_marked_caption(&ms) && dom.count_tags(n, &HEADINGS) == 0);
        if !marked && alts.is_empty() {
            continue;
        }
        // Folded as normalize_spaces folds.
        let text = dom.inner_text(n);
        if !marked && !alts.iter().any(|a| text.starts_with(a.as_str())) {
            continue;
        }
        let mut marked_credit = || {
            std::iter::once(n).chain(dom.iter_descendants(n)).filter(|&d| dom.is_element(d)).any(|d| {
                dom.match_string_into(d, &mut ms);
                pat::is_marked_caption_credit(&ms) || dom.attr(d, "itemprop").is_some_and(pat::is_marked_caption_credit)
            })
        };
        if pat::caption_holds_credit(&text) || marked_credit() {
            dom.detach(n);
        }
    }
}

/// Drops "Related: <link>" / "Lire aussi : <link>" lines and lone "Advertisement" labels
/// left inside the article body.
fn remove_inline_boilerplate(dom: &mut Dom, article: NodeId) {
    // Nodes are visited in document order and only ever removed: when a node is visited, nothing
    // inside it has changed since the measure.
    let lens = TextLens::new(dom, article, |_| 0);
    let total = lens.inner_len(article);
    let blocks = ["p", "div", "span", "aside", "li", "h2", "h3", "h4", "h5", "h6", "strong", "b", "section", "article"];
    for n in dom.by_tags(article, &blocks) {
        if !dom.is_under(n, article) {
            continue;
        }
        let len = lens.inner_len(n);
        if len == 0 || len > 250 {
            continue;
        }
        let text = dom.inner_text(n);
        let folded = pat::Folded::new(&text);
        let media = || dom.count_tags(n, &["img", "picture", "video", "figure"]) > 0;
        if pat::is_ad_or_loading_text(&text) && !media() {
            dom.detach(n);
            continue;
        }
        // "Updated 5:05 PM EDT, August 14, 2026", "5 min read": about the article, not of it.
        if len <= pat::META_LINE_MAX_CHARS
            && (pat::is_meta_line(&text) || (matches!(dom.tag(n), Some("p" | "div")) && folded.is_bare_date()))
        {
            dom.detach(n);
            continue;
        }
        // "Share", "Save": a tool's label standing alone, and the blocks holding only it.
        // (Not a list item: "Print", "Radio" may list the media of a story.)
        if !dom.is_tag(n, "li") && folded.is_tool_label() && !media() {
            let mut b = n;
            while let Some(p) = dom.parent(b).filter(|&p| p != article && lens.inner_len(p) == len) {
                b = p;
            }
            if !dom.tag(b).is_some_and(|t| pat::PHRASING.contains(&t)) {
                dom.detach(b);
                continue;
            }
        }
        // A count of comments or likes: a number, all of it a link.
        if matches!(dom.tag(n), Some("li" | "div" | "p"))
            && text.bytes().all(|b| b.is_ascii_digit())
            && dom.by_tags(n, &["a"]).iter().map(|&a| lens.inner_len(a)).sum::<usize>() >= len
        {
            dom.detach(n);
            continue;
        }
        // An audio player, author card, paywall or feedback box: the largest small block opening with its cue.
        if folded.opens_furniture_box() && total.saturating_sub(len) >= len {
            let mut b = n;
            while let Some(p) = dom.parent(b).filter(|&p| p != article) {
                let plen = lens.inner_len(p);
                if plen > WIDGET_BOX_MAX_CHARS || total.saturating_sub(plen) < plen || !opens_with(dom, p, b) {
                    break;
                }
                b = p;
            }
            dom.detach(b);
            continue;
        }
        // A teaser of another story: a linked headline, all of its text in links.
        if matches!(dom.tag(n), Some("div" | "aside" | "section" | "article"))
            && lens.link_density(dom, n) >= 0.9
            && dom.count_tags(n, &["h2", "h3", "h4", "h5", "h6"]) > 0
        {
            dom.detach(n);
            continue;
        }
        let heading = matches!(dom.tag(n), Some("h2" | "h3" | "h4" | "h5" | "h6"));
        if !(heading || matches!(dom.tag(n), Some("p" | "div" | "li" | "aside" | "section")))
            || !pat::starts_with_read_more(&text)
        {
            continue;
        }
        // A cue alone ("Read more:") or a cue followed by links only; a heading, only with its link.
        let words = text.split_whitespace().count();
        if (words <= 3 && !heading) || lens.link_density(dom, n) >= 0.5 {
            dom.detach(n);
        }
    }
}

/// Drops what sites set between the paragraphs besides ads: the controls of captions and photo
/// viewers ("toggle caption", "2 / 12"), copyright notices, newsletter promotions
/// ("The Morning Bid newsletter … Sign up here.") and lines set all in capitals that are all a
/// link (calls to get an app, headlines of other stories); then byline lines left at either end.
/// Editor's notes and corrections stay, whatever they hold.
fn remove_promos_and_controls(dom: &mut Dom, article: NodeId) {
    // Measured once: nodes are only removed, visited in document order (see remove_inline_boilerplate).
    let lens = TextLens::new(dom, article, |_| 0);
    let total = lens.inner_len(article);
    let blocks = ["p", "div", "span", "b", "strong", "em", "a", "h2", "h3", "h4", "h5", "h6", "figcaption"];
    for n in dom.by_tags(article, &blocks) {
        let len = lens.inner_len(n);
        if len == 0 || len > pat::NEWSLETTER_PROMO_MAX_CHARS {
            continue;
        }
        if !dom.is_under(n, article) || dom.has_ancestor_tag(n, "table", 0) {
            continue;
        }
        let block = matches!(dom.tag(n), Some("p" | "div"));
        // Controls, counts and credits are short: longer inline elements can only be cards.
        if !block && len > pat::CREDIT_MAX_CHARS * 2 {
            if dom.is_tag(n, "a") && len * 2 < total && is_card_link(dom, n) {
                dom.detach(n);
            }
            continue;
        }
        let text = dom.inner_text(n);
        let folded = pat::Folded::new(&text);
        // A credit inside a caption may open the caption's text ("Photo: The harbour at dawn"); one
        // that only names who made the picture is no caption, in a caption or out of it.
        let in_caption = || {
            dom.is_tag(n, "figcaption")
                || dom.has_ancestor_tag(n, "figure", 0)
                || dom.has_ancestor_tag(n, "figcaption", 0)
                || dom.count_tags(n, &["figcaption"]) > 0
        };
        let marked_credit = || {
            let mut marks = String::new();
            dom.match_string_into(n, &mut marks);
            pat::is_marked_credit(&marks, &text)
        };
        let credit = || (folded.is_picture_credit() && !in_caption()) || pat::is_bare_credit(&text) || marked_credit();
        if pat::is_media_control(&text) || credit() {
            dom.detach(n);
            continue;
        }
        // A count standing alone, not one inside a sentence ("Step <b>1 of 3</b>: …").
        let alone = matches!(dom.tag(n), Some("p" | "div"))
            || (dom.is_tag(n, "span") && dom.parent(n).is_some_and(|p| matches!(dom.tag(p), Some("div" | "section"))));
        if alone && pat::is_gallery_counter(&text) && dom.count_tags(n, &["img", "picture", "video", "figure"]) == 0 {
            dom.detach(n);
            continue;
        }
        // A card of another story: a link around blocks (its image, label and headline).
        if dom.is_tag(n, "a") && len * 2 < total && is_card_link(dom, n) {
            dom.detach(n);
            continue;
        }
        if !block || folded.opens_editors_note() {
            continue;
        }
        if folded.is_copyright_line() || (len <= pat::META_LINE_MAX_CHARS && is_name_and_date(dom, n, &text)) {
            dom.detach(n);
            continue;
        }
        let links = dom.by_tags(n, &["a"]);
        let promo = folded.is_app_promo()
            || (folded.mentions_newsletter()
                && (folded.names_own_newsletter() || links.iter().any(|&a| pat::is_signup_link(&dom.inner_text(a)))));
        let shouted_link = pat::is_all_caps_line(&text) && lens.link_density(dom, n) >= 0.9;
        if shouted_link {
            dom.detach(n);
        } else if promo {
            // With the box around it (the newsletter's name over the line).
            let total = dom.inner_len(article);
            let mut b = n;
            while let Some(p) = dom.parent(b).filter(|&p| p != article) {
                let plen = dom.inner_len(p);
                if plen > pat::NEWSLETTER_PROMO_MAX_CHARS || total.saturating_sub(plen) < plen {
                    break;
                }
                b = p;
            }
            dom.detach(b);
        }
    }
    // A byline line opening or closing the body, once the rest is gone ("By Jane Doe, Staff
    // Writer"; inside the body, it may credit one story of a roundup).
    for n in dom.by_tags(article, &["p", "div"]) {
        if dom.is_under(n, article)
            && dom.inner_len(n) <= pat::NEWSLETTER_PROMO_MAX_CHARS
            && pat::is_byline_line(&dom.inner_text(n))
            && (opens_with(dom, article, n) || closes_with(dom, article, n))
        {
            dom.detach(n);
        }
    }
}

/// Does block `j` of `blocks` (text `text`) open an author's box closing the article: a heading
/// naming the person ("Über Kathrin", then "Hallo, ich bin …" or a full name), or a line about a
/// person the article never named before ("Jule Radeck studierte Sportwissenschaften …")?
fn closes_with_person(dom: &Dom, blocks: &[NodeId], j: usize, text: &str) -> bool {
    let rest = || blocks[j + 1..].iter().map(|&b| dom.inner_text(b)).collect::<Vec<_>>().join(" ");
    if let Some(name) = pat::about_person(text) {
        let rest = rest();
        let full_name = name.split_whitespace().count() >= 2;
        let last = name.rsplit(' ').next().unwrap_or(name);
        return !rest.is_empty() && (full_name || pat::opens_in_first_person(&rest) || rest.contains(last));
    }
    // A line about a person closes the article, nothing after it.
    if j + 1 < blocks.len() {
        return false;
    }
    // Not a quote closing a report ("Jane Doe ist überzeugt: „…“").
    if text.contains(['"', '„', '“', '«', '»']) {
        return false;
    }
    let Some(name) = pat::opens_with_person(text) else { return false };
    let surname = name.rsplit(' ').next().unwrap_or(&name);
    !blocks[..j].iter().any(|&b| dom.inner_text(b).contains(surname))
}

/// The blocks holding the content's text, in document order: for each run of text, its nearest
/// enclosing block, widened to the largest wrapper holding nothing else.
fn text_blocks(dom: &Dom, article: NodeId, lens: &TextLens) -> Vec<NodeId> {
    let mut blocks: Vec<NodeId> = Vec::new();
    let mut last_inner = None;
    for d in dom.iter_descendants(article) {
        if dom.text_of_node(d).is_none_or(is_blank) {
            continue;
        }
        let mut inner = dom.parent(d);
        while let Some(a) =
            inner.filter(|&a| a != article && dom.tag(a).is_none_or(|t| t == "a" || pat::PHRASING.contains(&t)))
        {
            inner = dom.parent(a);
        }
        let Some(mut b) = inner.filter(|&a| a != article) else {
            continue;
        };
        // Runs of text in one block are widened once.
        if last_inner == Some(b) {
            continue;
        }
        last_inner = Some(b);
        let len = lens.inner_len(b);
        while let Some(p) = dom.parent(b).filter(|&p| p != article && lens.inner_len(p) == len) {
            b = p;
        }
        if blocks.last() != Some(&b) {
            blocks.push(b);
        }
    }
    blocks
}

/// Drops the notes sites set after an article, judged block by block from its end and stopping
/// at the first block that is the article's: sources, contacts and categories ("Quelle: dpa"),
/// filing and comment-form lines, notices of rights, disclosures, calls to follow or subscribe,
/// links back, date and byline lines; never half the content. Anywhere in the content, a heading
/// over other stories ("Weitere Artikel", "Related posts") goes with the links that follow it.
fn remove_closing_notes(dom: &mut Dom, article: NodeId) {
    // A line that is all a link, closing the article, is no longer than this.
    const LINK_LINE_MAX_CHARS: usize = 150;
    // Measured once: a block's length stays as measured when a block inside it goes.
    let lens = TextLens::new(dom, article, |_| 0);
    let blocks = text_blocks(dom, article, &lens);
    let total = lens.inner_len(article);
    // Before the article: notices of advertising and labelled notes ("Kategorie: News").
    for &b in &blocks {
        if lens.inner_len(b) > pat::CLOSING_NOTE_MAX_CHARS {
            break;
        }
        let text = dom.inner_text(b);
        let folded = pat::Folded::new(&text);
        if !(folded.is_disclosure() || folded.is_labelled_note()) {
            break;
        }
        dom.detach(b);
    }
    let mut i = 0;
    while i < blocks.len() {
        let h = blocks[i];
        i += 1;
        if lens.inner_len(h) > pat::RELATED_HEADING_MAX_CHARS
            || !dom.is_under(h, article)
            || !pat::Folded::new(&dom.inner_text(h)).is_related_heading()
        {
            continue;
        }
        let mut end = i;
        while end < blocks.len()
            && lens.inner_len(blocks[end]) <= pat::CLOSING_NOTE_MAX_CHARS
            && lens.link_density(dom, blocks[end]) >= 0.5
        {
            end += 1;
        }
        // A heading alone stays unless it closes the content.
        if end == i && end < blocks.len() {
            continue;
        }
        for &b in &blocks[i - 1..end] {
            dom.detach(b);
        }
        i = end;
    }
    // The passes below read the same last blocks: their texts are made once, while none goes.
    let mut texts = BlockTexts::new(blocks.len());
    // A closing section: a bare label ("Kontakt:", "Quellen") or a heading over other stories,
    // with only short blocks after it, short in all.
    let fits = |len: usize, after: usize| {
        len <= pat::CLOSING_NOTE_MAX_CHARS && after <= pat::CLOSING_SECTION_MAX_CHARS && (after + len) * 3 <= total
    };
    let starts = |f: &pat::Folded| f.is_closing_label() || f.is_related_heading();
    drop_closing_run(dom, article, &blocks, &lens, &mut texts, fits, starts);
    // A call for support, membership or a subscription and what follows it, short in all.
    let fits = |len: usize, after: usize| {
        len <= pat::SUPPORT_BLOCK_MAX_CHARS
            && after + len <= pat::CLOSING_SECTION_MAX_CHARS
            && (after + len) * 3 <= total
    };
    drop_closing_run(dom, article, &blocks, &lens, &mut texts, fits, |f| f.calls_for_support());
    // An author's box closing the article: a name alone, then a line about that person
    // ("Inga Buller" / "Inga Buller ist Head of Social …"), short in all.
    let live_at: Vec<usize> = (0..blocks.len()).filter(|&i| dom.is_under(blocks[i], article)).collect();
    let live: Vec<NodeId> = live_at.iter().map(|&i| blocks[i]).collect();
    let mut after = 0;
    for (j, &b) in live.iter().enumerate().rev() {
        let len = lens.inner_len(b);
        if after > pat::AUTHOR_BOX_MAX_CHARS || (after + len) * 3 > total {
            break;
        }
        after += len;
        let text = texts.get(dom, &blocks, live_at[j]).raw();
        let boxed = closes_with_person(dom, &live, j, text)
            || live.get(j + 1).is_some_and(|&next| {
                pat::is_name_line(text)
                    && !pat::is_byline_line(text)
                    && pat::opens_author_bio(&dom.inner_text(next), text)
            });
        if boxed {
            for &x in &live[j..] {
                dom.detach(x);
            }
            texts.clear();
            break;
        }
    }
    let mut removed = 0;
    for (i, &b) in blocks.iter().enumerate().rev() {
        if !dom.is_under(b, article) {
            continue;
        }
        let len = lens.inner_len(b);
        if len > pat::CLOSING_NOTE_MAX_CHARS || (removed + len) * 2 > total {
            return;
        }
        let folded = texts.get(dom, &blocks, i);
        let text = folded.raw();
        // A picture or table closing the article stays, unless it is labelled as an ad.
        if dom.count_tags(b, &["img", "picture", "video", "iframe", "table"]) > 0 {
            if !pat::is_ad_or_loading_text(text.trim_matches(|c: char| !c.is_alphanumeric())) {
                return;
            }
            dom.detach(b);
            texts.clear();
            removed += len;
            continue;
        }
        // A link alone, all of a short block: to another story or page ("Hier geht es zur neuen
        // Vorstandsstruktur", "… weiter zu „die Wortwahl“"); a written-out address is a source.
        // Never much of the text: on a page of links the links are the content.
        let link_line = len <= LINK_LINE_MAX_CHARS
            && (removed + len) * 4 <= total
            && !text.trim_start().starts_with("http")
            && !text.trim_start().starts_with("www.")
            && lens.link_density(dom, b) >= 0.9
            // A video kept as its link ("▶ Video on YouTube") is the article's.
            && !dom.by_tags(b, &["a"]).iter().any(|&a| dom.attr(a, "href").is_some_and(pat::is_video_url));
        let note = link_line
            || folded.is_closing_note()
            || folded.is_picture_credit()
            || folded.is_tool_label()
            || folded.is_bare_date()
            || pat::is_meta_line(text)
            || pat::is_byline_line(text)
            || pat::is_ad_or_loading_text(text)
            || pat::is_signoff(text);
        if !note {
            return;
        }
        dom.detach(b);
        texts.clear();
        removed += len;
    }
}

/// The texts of the content's blocks, each made on first use and kept until a block goes (the
/// blocks around it may lose text with it).
struct BlockTexts {
    texts: Vec<Option<pat::Folded<'static>>>,
    made: Vec<usize>,
}

impl BlockTexts {
    fn new(blocks: usize) -> BlockTexts {
        BlockTexts { texts: (0..blocks).map(|_| None).collect(), made: Vec::new() }
    }

    /// The text of block `i` of `blocks`.
    fn get(&mut self, dom: &Dom, blocks: &[NodeId], i: usize) -> &pat::Folded<'static> {
        if self.texts[i].is_none() {
            self.made.push(i);
        }
        self.texts[i].get_or_insert_with(|| pat::Folded::owned(dom.inner_text(blocks[i])))
    }

    /// Forgets the texts made: a block went.
    fn clear(&mut self) {
        for i in self.made.drain(..) {
            self.texts[i] = None;
        }
    }
}

/// From the article's end back, over blocks that `fit` (a block's length, the length after it):
/// the earliest block that `starts` a closing run goes, with every block after it.
fn drop_closing_run(
    dom: &mut Dom,
    article: NodeId,
    blocks: &[NodeId],
    lens: &TextLens,
    texts: &mut BlockTexts,
    fits: impl Fn(usize, usize) -> bool,
    starts: impl Fn(&pat::Folded) -> bool,
) {
    let mut after = 0;
    let mut start = None;
    for (i, &b) in blocks.iter().enumerate().rev() {
        if !dom.is_under(b, article) {
            continue;
        }
        let len = lens.inner_len(b);
        if !fits(len, after) {
            break;
        }
        if starts(texts.get(dom, blocks, i)) {
            start = Some(b);
        }
        after += len;
    }
    if let Some(start) = start {
        for &b in blocks.iter().skip_while(|&&b| b != start) {
            dom.detach(b);
        }
        texts.clear();
    }
}

/// A link around blocks that leads to another page (not a picture, not a place in this one).
fn is_card_link(dom: &Dom, a: NodeId) -> bool {
    // Blocks first: most links hold none, and their addresses need not be lowercased.
    if dom.count_tags(a, &["p", "div", "h2", "h3", "h4", "h5", "h6"]) == 0 {
        return false;
    }
    let href = dom.attr(a, "href").unwrap_or("").trim().to_ascii_lowercase();
    let picture = [".jpg", ".jpeg", ".png", ".gif", ".webp"]
        .iter()
        .any(|e| href.split(['?', '#']).next().unwrap_or("").ends_with(e));
    !href.is_empty()
        && !href.starts_with('#')
        && !href.starts_with("javascript:")
        && !picture
        && dom.count_tags(a, &["figure", "figcaption"]) == 0
}

/// An author's name, or an update time, and the date in one strip of inline elements ("Rosa
/// Delgado · Dec. 1, 2026", "19/11/2026 08h40 Updated 2 hours ago"): one child is the date (or
/// a date line), the rest names or a date line.
fn is_name_and_date(dom: &Dom, n: NodeId, text: &str) -> bool {
    dom.element_children(n).into_iter().any(|c| {
        let date = dom.inner_text(c);
        let date = date.trim();
        if date.is_empty() || !(pat::is_bare_date(date) || pat::is_meta_line(date)) {
            return false;
        }
        let rest = text.replacen(date, " ", 1);
        let rest = rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, '·' | '•' | '|' | ',' | '-' | '—'));
        pat::is_name_line(rest) || pat::is_meta_line(rest)
    })
}

/// Whether the last text of `outer` is inside `inner`.
fn closes_with(dom: &Dom, outer: NodeId, inner: NodeId) -> bool {
    dom.descendants(outer)
        .into_iter()
        .rev()
        .find(|&d| dom.text_of_node(d).is_some_and(|t| !is_blank(t)))
        .is_some_and(|t| dom.is_under(t, inner))
}

/// Whether the first text of `outer` is inside `inner`.
fn opens_with(dom: &Dom, outer: NodeId, inner: NodeId) -> bool {
    dom.iter_descendants(outer)
        .find(|&d| dom.text_of_node(d).is_some_and(|t| !is_blank(t)))
        .is_some_and(|t| dom.is_under(t, inner))
}

/// A sign-up box or consent placeholder holds at most this much text around its field or button.
const WIDGET_BOX_MAX_CHARS: usize = 600;

/// An `<input>` for an e-mail address (by its type, name, placeholder, label or autocomplete).
fn is_email_input(dom: &Dom, n: NodeId) -> bool {
    dom.attr(n, "type").is_some_and(|t| t.eq_ignore_ascii_case("email"))
        || ["name", "placeholder", "aria-label", "autocomplete"]
            .iter()
            .any(|a| dom.attr(n, a).is_some_and(pat::is_email_field_label))
}

/// A paragraph this long in a form is content, not a field's label or help.
const FORM_PARAGRAPH_MIN_CHARS: usize = 80;

/// Whether a form asks the reader for something: an e-mail address, a message, a password, or a
/// consent (a sign-up, contact, comment, login or cookie form).
fn form_asks(dom: &Dom, f: NodeId) -> bool {
    dom.by_tags(f, &["input", "textarea", "button"]).into_iter().any(|i| {
        if dom.is_tag(i, "textarea") {
            return true;
        }
        if dom.is_tag(i, "button") {
            return pat::is_consent_button(&dom.inner_text(i));
        }
        let ty = dom.attr(i, "type").unwrap_or("");
        is_email_input(dom, i)
            || ty.eq_ignore_ascii_case("password")
            || (ty.eq_ignore_ascii_case("submit") && dom.attr(i, "value").is_some_and(pat::is_consent_button))
    })
}

/// Drops newsletter sign-up boxes and the consent placeholders of social embeds ("Allow Twitter
/// content? … Accept and continue"): the largest block around an e-mail field or an accept
/// button that holds little text, and less than the rest of the content. Their
/// class names are often hashes, and fields and buttons go before conditional cleaning sees them.
fn remove_signup_boxes(dom: &mut Dom, article: NodeId) {
    for n in dom.by_tags(article, &["input", "button"]) {
        let is_trigger =
            if dom.is_tag(n, "input") { is_email_input(dom, n) } else { pat::is_consent_button(&dom.inner_text(n)) };
        if !is_trigger || !dom.is_under(n, article) {
            continue;
        }
        let total = dom.inner_len(article);
        let mut widget = None;
        let mut cur = dom.parent(n);
        while let Some(a) = cur.filter(|&a| a != article) {
            let len = dom.inner_len(a);
            // Never a block holding most of the content's text (a short article with the box in it).
            if len > WIDGET_BOX_MAX_CHARS || total.saturating_sub(len) < len {
                break;
            }
            widget = Some(a);
            cur = dom.parent(a);
        }
        if let Some(b) = widget {
            dom.detach(b);
        }
    }
}

/// A section label over the headline ("City Hall", "Politics"): at most this many words.
pub(super) const KICKER_MAX_WORDS: usize = 4;

/// Drops section labels left at the start of the content: short blocks that are only a link to
/// another page of the site.
fn remove_leading_kickers(dom: &mut Dom, article: NodeId, host: Option<&str>) {
    loop {
        let Some(first) =
            dom.iter_descendants(article).find(|&d| dom.text_of_node(d).is_some_and(|t| !t.trim().is_empty()))
        else {
            return;
        };
        let block =
            dom.ancestors(first, 0).into_iter().take_while(|&a| a != article).find(|&a| {
                matches!(dom.tag(a), Some("p" | "div" | "li" | "ul" | "ol" | "h2" | "h3" | "h4" | "h5" | "h6"))
            });
        let Some(block) = block else { return };
        let text = dom.inner_text(block);
        let is_kicker = text.split_whitespace().count() <= KICKER_MAX_WORDS
            && link_density(dom, block) >= 0.9
            && links_within_site(dom, block, host);
        if !is_kicker {
            return;
        }
        dom.detach(block);
    }
}

/// Text a page needs besides a trailing list of links for the list to be chrome, not the page.
const TEXT_BEFORE_TRAILING_LIST: usize = 250;

/// Drops headings, and lists of links to the site's own pages, left at the end of the content
/// ("More from Local" and its headlines, after the last paragraph; not a list of sources).
fn remove_trailing_headings(dom: &mut Dom, article: NodeId, host: Option<&str>) {
    loop {
        let mut heading = None;
        for d in dom.descendants(article).into_iter().rev() {
            if dom.tag(d).is_some_and(|t| matches!(t, "img" | "picture" | "video" | "iframe" | "table" | "hr")) {
                return;
            }
            if dom.text_of_node(d).is_some_and(|t| !t.trim().is_empty()) {
                heading = dom.ancestors(d, 0).into_iter().take_while(|&a| a != article).find(|&a| match dom.tag(a) {
                    Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => true,
                    Some("ul" | "ol") => {
                        link_density(dom, a) >= 0.9
                            && links_within_site(dom, a, host)
                            && dom.inner_len(article) >= dom.inner_len(a) + TEXT_BEFORE_TRAILING_LIST
                    }
                    _ => false,
                });
                break;
            }
        }
        match heading {
            Some(h) => dom.detach(h),
            None => return,
        }
    }
}

/// Every link under `n` goes to a page of the site: relative, or to `host`.
fn links_within_site(dom: &Dom, n: NodeId, host: Option<&str>) -> bool {
    dom.by_tags(n, &["a"]).iter().all(|&a| {
        let href = dom.attr(a, "href").unwrap_or("").trim();
        match super::policy::parse_url(href) {
            Ok(u) => host.is_some_and(|h| {
                u.host_str().is_some_and(|uh| uh.trim_start_matches("www.") == h.trim_start_matches("www."))
            }),
            Err(_) => !href.starts_with("//"),
        }
    })
}

/// Share of `n`'s text inside descendants with one of `tags` (nested matches count once per
/// matching ancestor, as summing each match's text would). One pass over the subtree.
fn text_density(dom: &Dom, n: NodeId, tags: &[&str], _len: usize) -> f64 {
    let (mut total, mut matched) = (0usize, 0usize);
    let mask = Dom::mask_of(tags);
    // (node, number of matching ancestors strictly inside `n`, including itself)
    let mut stack: Vec<(NodeId, usize)> = dom.children(n).into_iter().rev().map(|c| (c, 0)).collect();
    while let Some((x, depth)) = stack.pop() {
        match dom.text_len(x) {
            Some(l) => {
                total += l;
                matched += l * depth;
            }
            None => {
                let d = depth + usize::from(dom.in_mask(x, mask));
                let mut c = dom.nodes[x].last_child.get();
                while let Some(k) = c {
                    stack.push((k, d));
                    c = dom.nodes[k].prev.get();
                }
            }
        }
    }
    if total == 0 { 0.0 } else { matched as f64 / total as f64 }
}

pub(super) fn next_element_in(dom: &Dom, n: NodeId, scope: NodeId, skip_children: bool) -> Option<NodeId> {
    if !skip_children {
        if let Some(c) = dom.first_element_child(n) {
            return Some(c);
        }
    }
    let mut cur = n;
    loop {
        if cur == scope {
            return None;
        }
        if let Some(s) = dom.next_element_sibling(cur) {
            return Some(s);
        }
        cur = dom.parent(cur)?;
    }
}

/// Removes every element with one of `tags` except video embeds, in one walk: an element is
/// judged before what it holds, and what goes with a removed element is not shown either way.
fn clean(dom: &mut Dom, root: NodeId, tags: &[&str]) {
    for n in dom.by_tags(root, tags) {
        let tag = dom.tag(n).unwrap_or("");
        if matches!(tag, "object" | "embed" | "iframe") {
            if dom.attrs(n).iter().any(|(_, v)| pat::is_video_url(v)) {
                continue;
            }
            if tag == "object" && pat::is_video_url(&dom.inner_html(n)) {
                continue;
            }
        }
        dom.detach(n);
    }
}

fn is_data_table(dom: &Dom, t: NodeId) -> bool {
    if dom.attr(t, "role") == Some("presentation") || dom.attr(t, "datatable") == Some("0") {
        return false;
    }
    if dom.attr(t, "summary").is_some_and(|s| !s.is_empty()) {
        return true;
    }
    if let Some(c) = dom.element_children(t).into_iter().find(|&c| dom.is_tag(c, "caption")) {
        if dom.first_child(c).is_some() {
            return true;
        }
    }
    if dom.count_tags(t, &["col", "colgroup", "tfoot", "thead", "th"]) > 0 {
        return true;
    }
    if dom.count_tags(t, &["table"]) > 0 {
        return false;
    }
    let (mut rows, mut cols) = (0usize, 0usize);
    for tr in dom.by_tags(t, &["tr"]) {
        rows += dom.attr(tr, "rowspan").and_then(|r| r.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, 1000);
        let mut row_cols = 0;
        for td in dom.element_children(tr).into_iter().filter(|&c| dom.is_tag(c, "td")) {
            row_cols +=
                dom.attr(td, "colspan").and_then(|r| r.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, 1000);
        }
        cols = cols.max(row_cols);
    }
    if rows == 1 || cols == 1 {
        return false;
    }
    rows >= 10 || cols > 4 || rows * cols > 10
}
