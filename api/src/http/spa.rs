//! Serves the built admin app at `/`. Unknown paths return `index.html`, so
//! deep links such as `/monitoraggio/DR-SAR` work on reload.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::{HttpResponse, web};

pub fn routes(cfg: &mut web::ServiceConfig, ui_dir: &Path) {
    let index = ui_dir.join("index.html");
    if !index.is_file() {
        cfg.default_service(web::to(ui_missing));
        return;
    }
    let fallback: PathBuf = index.clone();
    cfg.service(Files::new("/", ui_dir).index_file("index.html").default_handler(fn_service(
        move |req: ServiceRequest| {
            let index = fallback.clone();
            async move {
                let (req, _) = req.into_parts();
                let file = NamedFile::open(index)?;
                let res = file.into_response(&req);
                Ok(ServiceResponse::new(req, res))
            }
        },
    )));
}

async fn ui_missing() -> HttpResponse {
    HttpResponse::NotFound().content_type("text/html; charset=utf-8").body(
        "<!doctype html><html lang=\"it\"><title>Accoglienza</title><h1>Accoglienza</h1>\
         <p>L'app di amministrazione non è stata compilata: esegui <code>npm --prefix admin-ui ci \
         &amp;&amp; npm --prefix admin-ui run build</code> (oppure <code>./scripts/run</code>).</p>\
         <p>The API is at <a href=\"/graphiql\">/graphiql</a>.</p></html>",
    )
}
