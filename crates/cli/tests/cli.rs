//! The `sitrep` binary, tested through the real executable.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sitrep() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example() -> PathBuf {
    repo().join("examples/fr-iraq-ceasefire.txt")
}

fn run(cmd: &mut Command) -> (Output, String, String) {
    let out = cmd.output().expect("sitrep runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stdout, stderr)
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sitrep-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn codes_the_bundled_example_as_v1_json_in_french() {
    let (out, stdout, _) = run(sitrep().arg("code").arg(example()));
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON object");
    assert_eq!(v["sitrep"], "1");
    assert_eq!(v["doc"]["language"], "fr");
    for key in ["entities", "places", "events", "quotes", "claims"] {
        assert!(v[key].is_array(), "{key}");
    }
    assert_eq!(v["doc"]["text_sha256"].as_str().map(str::len), Some(64));
}

/// Issue 2: random bytes + a JSONL file with a broken line 2 + the seed, in one call.
#[test]
fn issue_2_bad_input_never_loses_good_input() {
    let dir = tempdir("bad");
    let junk = dir.join("junk.bin");
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    std::fs::write(&junk, bytes).expect("write");
    let jsonl = dir.join("docs.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"a\", \"text\": \"Des roquettes ont frappé la base.\"}\n{\"id\": \"b\", \"text\": \n{\"id\": \"c\", \"text\": \"Protesters gathered in Baghdad on Monday.\"}\n",
    )
    .expect("write");
    let (out, stdout, stderr) =
        run(sitrep().args(["code", "--format", "jsonl"]).arg(&junk).arg(&jsonl).arg(example()));
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("junk.bin"), "{stderr}");
    assert!(stderr.contains("docs.jsonl") && stderr.contains("line 2"), "{stderr}");
    let ids: Vec<String> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json line"))
        .map(|v| v["doc"]["id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(ids.len(), 3, "{stdout}");
    assert_eq!(&ids[..2], ["a", "c"]);
    assert!(ids[2].ends_with("fr-iraq-ceasefire.txt"));
}

#[test]
fn output_is_deterministic_and_parallel_order_is_input_order() {
    let dir = tempdir("order");
    let mut lines = String::new();
    for i in 0..300 {
        lines.push_str(&format!(
            "{{\"id\": \"d{i}\", \"text\": \"On Monday gunmen killed {i} people in Kabul.\"}}\n"
        ));
    }
    let f = dir.join("many.jsonl");
    std::fs::write(&f, lines).expect("write");
    let (_, one, _) = run(sitrep().args(["code", "--format", "jsonl", "-j", "1"]).arg(&f));
    let (_, four, _) = run(sitrep().args(["code", "--format", "jsonl", "-j", "4"]).arg(&f));
    assert_eq!(one, four);
    let first: serde_json::Value =
        serde_json::from_str(one.lines().nth(299).unwrap_or("{}")).expect("json");
    assert_eq!(first["doc"]["id"], "d299");
}

#[test]
fn usage_errors_exit_2() {
    let (out, _, _) = run(sitrep().args(["code", "--published", "yesterday", "x.txt"]));
    assert_eq!(out.status.code(), Some(2));
    let (out, _, _) = run(sitrep().args(["code", "--lang", "xx", "x.txt"]));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn published_flag_and_with_text() {
    let (out, stdout, _) = run(sitrep()
        .args(["code", "--published", "2021-07-05", "--with-text", "--format", "jsonl"])
        .arg(example()));
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).expect("json");
    assert_eq!(v["doc"]["published"], "2021-07-05");
    let text = std::fs::read_to_string(example()).expect("example");
    assert_eq!(v["text"].as_str(), Some(text.as_str()));
}

#[test]
fn stdin_is_read_with_dash() {
    use std::io::Write;
    let mut child = sitrep()
        .args(["code", "--format", "jsonl", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"Clashes erupted in Mogadishu on Tuesday.")
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["doc"]["language"], "en");
}

#[test]
fn stats_go_to_stderr() {
    let (_, _, stderr) = run(sitrep().args(["code", "--stats"]).arg(example()));
    assert!(stderr.contains("documents=1") && stderr.contains("MB/s="), "{stderr}");
}
