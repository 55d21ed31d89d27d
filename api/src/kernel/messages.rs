//! Errors several areas give, each written once: the same refusal reads the
//! same wherever it comes from.

use crate::error::AppError;

pub fn unit_not_found() -> AppError {
    AppError::not_found("Unità organizzativa non trovata", "Organisational unit not found")
}

/// A unit named in an input that does not exist or lies outside the caller's reach.
pub fn unknown_unit(field: &str) -> AppError {
    AppError::bad_input(field, "Unità organizzativa non trovata", "Organisational unit not found")
}

pub fn office_not_found() -> AppError {
    AppError::not_found("Ufficio non trovato", "Office not found")
}

/// A change that only a booking still waiting (BOOKED) may take.
pub fn booking_no_longer_waiting() -> AppError {
    AppError::conflict("La prenotazione non è più in attesa", "The booking is no longer waiting")
}

pub fn quesito_not_found() -> AppError {
    AppError::not_found("Quesito non trovato", "Quesito not found")
}

/// A quesito named in an input that does not exist or lies outside the caller's reach.
pub fn unknown_quesito(field: &str) -> AppError {
    AppError::bad_input(field, "Quesito non trovato", "Quesito not found")
}

/// A virtual session asked of an office without a virtual counter.
pub fn no_virtual_counter(field: &str) -> AppError {
    AppError::bad_input(
        field,
        "L'ufficio non ha lo sportello virtuale attivo",
        "The office has no active virtual counter",
    )
}

pub fn classification_not_found() -> AppError {
    AppError::not_found("Classificazione non trovata", "Classification not found")
}

pub fn regional_directorate_not_found() -> AppError {
    AppError::not_found("Direzione regionale non trovata", "Regional directorate not found")
}

pub fn contact_not_found() -> AppError {
    AppError::not_found("Contatto non trovato", "Contact not found")
}

/// A CCM contact named in an input that does not exist or lies outside the caller's reach.
pub fn unknown_contact(field: &str) -> AppError {
    AppError::bad_input(field, "Contatto non trovato", "Contact not found")
}

pub fn callback_not_found() -> AppError {
    AppError::not_found("Richiesta di richiamata non trovata", "Callback request not found")
}

/// A callback request named in an input that does not exist or lies outside the caller's reach.
pub fn unknown_callback(field: &str) -> AppError {
    AppError::bad_input(field, "Richiesta di richiamata non trovata", "Callback request not found")
}

/// A service named in an input that is not in the catalogue or no longer active.
pub fn unknown_service(field: &str) -> AppError {
    AppError::bad_input(field, "Servizio sconosciuto o non attivo", "Unknown or inactive service")
}

pub fn faq_entry_not_found() -> AppError {
    AppError::not_found("Voce FAQ non trovata", "FAQ entry not found")
}

pub fn invalid_email(field: &str) -> AppError {
    AppError::bad_input(field, "Indirizzo e-mail non valido", "Invalid e-mail address")
}

/// Someone to assign who does not work under the office.
pub fn not_office_staff(field: &str) -> AppError {
    AppError::bad_input(field, "La persona non lavora in questo ufficio", "The person does not work at this office")
}

pub fn collaborator_check_forbidden() -> AppError {
    AppError::forbidden(
        "Solo il personale degli uffici può verificare un collaboratore",
        "Only office staff may check a collaborator",
    )
}

pub fn follow_up_already_closed() -> AppError {
    AppError::conflict("L'attività è già chiusa", "The item is already closed")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_refusal_has_its_code_and_field() {
        assert_eq!(unit_not_found().code(), "NOT_FOUND");
        assert_eq!(unknown_unit("unitCode").code(), "BAD_USER_INPUT");
        assert_eq!(no_virtual_counter("channel").code(), "BAD_USER_INPUT");
    }

    /// The refusal messages (`AppError::{not_found, bad_input, forbidden,
    /// conflict}` with a literal Italian text) of every file under `src`.
    fn refusal_messages(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                refusal_messages(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for message in messages_in(&text) {
                    out.push((message, path.display().to_string()));
                }
            }
        }
    }

    /// The Italian message of each refusal in `src`: the first argument (the
    /// second for `bad_input`, whose first is the field), when it is a literal.
    fn messages_in(src: &str) -> Vec<String> {
        let mut found = Vec::new();
        for kind in ["not_found", "bad_input", "forbidden", "conflict"] {
            let call = format!("AppError::{kind}(");
            let mut rest = src;
            while let Some(at) = rest.find(&call) {
                rest = &rest[at + call.len()..];
                let args = top_level_args(rest);
                let index = usize::from(kind == "bad_input");
                if let Some(arg) = args.get(index).map(|a| a.trim())
                    && arg.len() >= 2
                    && arg.starts_with('"')
                    && arg.ends_with('"')
                {
                    found.push(arg[1..arg.len() - 1].to_owned());
                }
            }
        }
        found
    }

    /// The arguments of a call whose text starts right after its `(`.
    fn top_level_args(src: &str) -> Vec<String> {
        let mut args = vec![String::new()];
        let (mut depth, mut chars) = (1, src.chars());
        while let Some(c) = chars.next() {
            match c {
                '"' => {
                    let last = args.last_mut().unwrap();
                    last.push('"');
                    while let Some(c) = chars.next() {
                        last.push(c);
                        match c {
                            '\\' => last.extend(chars.next()),
                            '"' => break,
                            _ => {}
                        }
                    }
                    continue;
                }
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 1 => {
                    args.push(String::new());
                    continue;
                }
                _ => {}
            }
            if depth == 0 {
                break;
            }
            args.last_mut().unwrap().push(c);
        }
        args
    }

    #[test]
    fn the_scanner_finds_the_message_of_each_kind_of_refusal() {
        let src = r#"AppError::not_found("Uno", "One"); AppError::bad_input("f", "Due, tre", "Two")
            AppError::conflict(format!("{x}"), "x"); AppError::forbidden(
                "Quattro (4)",
                "Four",
            )"#;
        assert_eq!(messages_in(src), ["Uno", "Due, tre", "Quattro (4)"]);
    }

    /// Each refusal written once: a text used in two places lives here, in
    /// one function (this file may give one text with two codes).
    #[test]
    fn no_refusal_message_is_written_twice_in_the_sources() {
        let mut found = Vec::new();
        refusal_messages(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut found);
        assert!(found.len() > 100, "the scan found only {} messages", found.len());
        // Per text: the files using it, the catalogue counted once however many codes it gives.
        let mut places: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
        for (message, file) in &found {
            let uses = places.entry(message).or_default();
            if !(file.ends_with("kernel/messages.rs") && uses.contains(&file.as_str())) {
                uses.push(file);
            }
        }
        let repeated: Vec<_> = places.iter().filter(|(_, p)| p.len() > 1).collect();
        assert!(repeated.is_empty(), "written more than once, move to kernel::messages: {repeated:#?}");
    }
}
