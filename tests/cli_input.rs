//! The command line reads pages as bytes: saved pages in UTF-16 or a legacy charset come out as
//! text, and binary data gets a clear error with exit status 1.

use std::io::Write;
use std::process::{Command, Stdio};

fn extract_text(page: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-lens"))
        .args(["extract", "--text", "https://ledger.example/page.html"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI runs");
    child.stdin.take().expect("stdin").write_all(page).expect("page written");
    let out = child.wait_with_output().expect("the CLI finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 out"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const ARTICLE: &str = "<html><head><title>Grève à Nîmes</title></head><body><article><h1>Grève à Nîmes</h1>\
<p>Les agents du réseau de bus de Nîmes ont cessé le travail mardi matin pour réclamer une revalorisation de leurs salaires.</p>\
<p>La direction propose une prime de 300 € et l'ouverture de négociations dès la semaine prochaine, une offre jugée insuffisante.</p>\
</article></body></html>";

#[test]
fn utf16_pages_with_a_byte_order_mark_are_read() {
    for big_endian in [false, true] {
        let mut page = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in ARTICLE.encode_utf16() {
            page.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        let (status, text, stderr) = extract_text(&page);
        assert_eq!(status, 0, "stderr: {stderr}");
        assert!(text.contains("une prime de 300 €"), "{text}");
    }
}

#[test]
fn undeclared_legacy_bytes_are_read_as_windows_1252() {
    let page: Vec<u8> = ARTICLE.chars().map(|c| if c == '€' { 0x80 } else { c as u32 as u8 }).collect();
    let (status, text, _) = extract_text(&page);
    assert_eq!(status, 0);
    assert!(text.contains("Les agents du réseau de bus de Nîmes"), "{text}");
    assert!(text.contains("300 €"), "{text}");
}

#[test]
fn binary_data_gets_a_clear_error() {
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let junk: Vec<u8> = (0..4096)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect();
    let (status, text, stderr) = extract_text(&junk);
    assert_eq!(status, 1, "stdout: {text}");
    assert!(stderr.contains("binary data"), "{stderr}");
    // A PNG's signature and header bytes too.
    let (status, _, stderr) = extract_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0");
    assert_eq!(status, 1);
    assert!(stderr.contains("binary data"), "{stderr}");
}
