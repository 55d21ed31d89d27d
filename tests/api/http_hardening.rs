//! Issue 12, HTTP hardening: security headers on the admin app and the API,
//! caching and compression of the built assets, no public source maps in
//! production. Headers do not depend on the database: SQLite only.

use std::path::{Path, PathBuf};

use api::config::{AppEnv, Settings};
use serde_json::json;

use crate::helpers::{Backend, TestApp};

const ASSET: &str = "/assets/index-AbCd1234.js";

/// A built admin app: index.html, a hashed asset big enough to compress, its source map.
fn ui_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        "<!doctype html><html><head><script type=\"module\" crossorigin src=\"/assets/index-AbCd1234.js\"></script></head>\
         <body><div id=\"root\"></div></body></html>",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("assets")).unwrap();
    let js: String = (0..2000).map(|i| format!("export const value{i} = \"accoglienza {i}\";\n")).collect();
    std::fs::write(dir.path().join("assets/index-AbCd1234.js"), js).unwrap();
    std::fs::write(dir.path().join("assets/index-AbCd1234.js.map"), "{\"version\":3,\"sources\":[]}").unwrap();
    dir
}

async fn spawn(ui: &Path, env: AppEnv) -> TestApp {
    let ui: PathBuf = ui.to_owned();
    TestApp::spawn_configured(Backend::Sqlite, move |s: &mut Settings| {
        s.ui_dir = ui;
        s.app_env = env;
    })
    .await
}

fn header<'r>(res: &'r reqwest::Response, name: &str) -> &'r str {
    res.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_else(|| panic!("no {name} header"))
}

fn assert_security_headers(res: &reqwest::Response) {
    let csp = header(res, "content-security-policy");
    assert!(csp.split(';').any(|d| d.trim() == "script-src 'self'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-eval"), "{csp}");
    assert_eq!(header(res, "x-content-type-options"), "nosniff");
    assert_eq!(header(res, "referrer-policy"), "no-referrer");
    assert_eq!(header(res, "x-frame-options"), "DENY");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_app_and_its_assets_carry_the_security_and_cache_headers() {
    let ui = ui_dir();
    let app = spawn(ui.path(), AppEnv::Development).await;

    for path in ["/", "/monitoraggio/DR-SAR"] {
        let res = app.get(path).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        assert_security_headers(&res);
        assert_eq!(header(&res, "cache-control"), "no-cache", "{path}: index.html is revalidated");
        assert!(res.headers().get("strict-transport-security").is_none(), "HSTS only in production");
    }

    let res = app.get(ASSET).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_security_headers(&res);
    assert_eq!(header(&res, "cache-control"), "public, max-age=31536000, immutable");
    assert!(res.headers().get("content-encoding").is_none(), "not asked for");
    for encoding in ["gzip", "br"] {
        let res = app.get(ASSET).header("accept-encoding", encoding).send().await.unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(header(&res, "content-encoding"), encoding);
        assert_eq!(header(&res, "cache-control"), "public, max-age=31536000, immutable");
        let compressed = res.bytes().await.unwrap().len();
        assert!(compressed < 20_000, "{encoding}: {compressed} bytes");
    }
    // In development the source maps are there for debugging.
    assert_eq!(app.get("/assets/index-AbCd1234.js.map").send().await.unwrap().status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn graphql_answers_carry_nosniff_and_are_never_stored() {
    let ui = ui_dir();
    let app = spawn(ui.path(), AppEnv::Development).await;
    let res = app.post("/graphql").json(&json!({ "query": "{ __typename }" })).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_security_headers(&res);
    assert_eq!(header(&res, "cache-control"), "no-store");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_production_hsts_is_sent_and_source_maps_are_not_served() {
    let ui = ui_dir();
    let app = spawn(ui.path(), AppEnv::Production).await;
    let res = app.get("/").send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_security_headers(&res);
    assert_eq!(header(&res, "strict-transport-security"), "max-age=31536000; includeSubDomains");
    let res = app.get("/assets/index-AbCd1234.js.map").send().await.unwrap();
    assert_eq!(res.status(), 404);
    assert_security_headers(&res);
    assert_eq!(app.get(ASSET).send().await.unwrap().status(), 200);
}

#[test]
fn the_admin_apps_index_html_has_no_inline_script() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../admin-ui");
    // The source always; the build when there is one (`npm run build`).
    for file in [root.join("index.html"), root.join("dist/index.html")] {
        let Ok(html) = std::fs::read_to_string(&file) else { continue };
        for tag in html.split("<script").skip(1) {
            let open = &tag[..tag.find('>').unwrap()];
            let body = &tag[tag.find('>').unwrap() + 1..tag.find("</script>").unwrap()];
            assert!(open.contains("src="), "{}: inline <script{open}>", file.display());
            assert!(body.trim().is_empty(), "{}: inline script body", file.display());
        }
        for handler in ["onload=", "onerror=", "onclick=", "javascript:"] {
            assert!(!html.contains(handler), "{}: inline {handler}", file.display());
        }
    }
}
