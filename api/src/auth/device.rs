//! A short Italian label for the browser and system a session was started
//! from ("Chrome su Windows"), so a person can tell their sessions apart
//! without reading a user-agent string. Only the common families are named;
//! anything else is "Browser sconosciuto" (the full string is shown too).

/// Browser families, most specific first: Edge and Opera also say "Chrome",
/// Chrome also says "Safari".
const BROWSERS: &[(&str, &str)] = &[
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("Chromium/", "Chromium"),
    ("HeadlessChrome/", "Chrome"),
    ("Chrome/", "Chrome"),
    ("CriOS/", "Chrome"),
    ("Safari/", "Safari"),
    ("curl/", "curl"),
];

/// Systems, most specific first: Android also says "Linux", iOS "Mac OS X".
const SYSTEMS: &[(&str, &str)] = &[
    ("Android", "Android"),
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
];

fn first_match(user_agent: &str, table: &[(&str, &'static str)]) -> Option<&'static str> {
    table.iter().find(|(needle, _)| user_agent.contains(needle)).map(|(_, name)| *name)
}

/// "Chrome su Linux", "Firefox", "Browser sconosciuto".
pub fn describe(user_agent: Option<&str>) -> String {
    let ua = user_agent.unwrap_or_default();
    let browser = first_match(ua, BROWSERS);
    let system = first_match(ua, SYSTEMS);
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b} su {s}"),
        (Some(b), None) => b.to_owned(),
        (None, Some(s)) => format!("Browser sconosciuto su {s}"),
        (None, None) => "Browser sconosciuto".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_browsers_and_systems_are_named() {
        let chrome =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
        assert_eq!(describe(Some(chrome)), "Chrome su Linux");
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
        assert_eq!(describe(Some(edge)), "Edge su Windows");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
        assert_eq!(describe(Some(iphone)), "Safari su iOS");
        let android =
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";
        assert_eq!(describe(Some(android)), "Chrome su Android");
        assert_eq!(
            describe(Some("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:133.0) Gecko/20100101 Firefox/133.0")),
            "Firefox su macOS"
        );
    }

    #[test]
    fn anything_else_is_unknown() {
        assert_eq!(describe(None), "Browser sconosciuto");
        assert_eq!(describe(Some("reqwest")), "Browser sconosciuto");
        assert_eq!(describe(Some("curl/8.5.0")), "curl");
    }
}
