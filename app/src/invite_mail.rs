//! Invite messages for candidates, written for the employer's own mail program: a `mailto:`
//! draft (the invite screen's "Email invite") and `.eml` drafts, one file per person, that any
//! mail program opens as a message ready to send. The text says what the interview is, until
//! when, how to get Peerview and how to open the invite (the link, and the plain ticket for a
//! mail program that does not make the link clickable). It is written in the campaign's language
//! when the campaign has one, else in the employer's.

use peerview_sync::Campaign;
use peerview_sync::ticket::Ticket;

use crate::i18n::{self, Lang};
use crate::{fmt, tr};

/// Where a candidate gets Peerview, in the current language. There is no download page yet: the
/// employer sends the installer with the invite or says where it is.
pub fn get_peerview() -> String {
    tr!("cli-mail-get-peerview")
}

/// The campaign's own language, if it has one.
fn language_of(campaign: &Campaign) -> Option<Lang> {
    campaign.language.as_deref().and_then(Lang::parse)
}

/// Instructions longer than this are cut in a `mailto:` draft: mail programs and Windows
/// refuse very long links (about 2,000 characters). `.eml` drafts carry them whole.
const MAILTO_INSTRUCTIONS_CHARS: usize = 600;

/// One candidate's invite, ready to be turned into a draft.
#[derive(Debug)]
pub struct InviteMail {
    pub to: Option<String>,
    pub subject: String,
    pub body: String,
}

impl InviteMail {
    /// The invite for `name` to `campaign` with their `ticket`.
    pub fn new(campaign: &Campaign, name: &str, email: Option<&str>, ticket: &Ticket) -> InviteMail {
        i18n::with_lang(language_of(campaign), || InviteMail {
            to: email.map(str::trim).filter(|e| !e.is_empty()).map(str::to_owned),
            subject: tr!("cli-mail-subject", title = campaign.title.as_str()),
            body: body(campaign, name, ticket, None),
        })
    }

    /// A `mailto:` link (RFC 6068) that opens a draft of this message, with long instructions cut.
    pub fn mailto(campaign: &Campaign, name: &str, email: Option<&str>, ticket: &Ticket) -> String {
        let mail = InviteMail::new(campaign, name, email, ticket);
        let body =
            i18n::with_lang(language_of(campaign), || body(campaign, name, ticket, Some(MAILTO_INSTRUCTIONS_CHARS)));
        format!(
            "mailto:{}?subject={}&body={}",
            mail.to.as_deref().map(percent_encode).unwrap_or_default(),
            percent_encode(&mail.subject),
            percent_encode(&body.replace('\n', "\r\n"))
        )
    }

    /// The message as an `.eml` draft (RFC 5322, UTF-8 text): `X-Unsent: 1` makes Outlook open
    /// it as a draft to send; other programs open it as a message to forward or edit.
    pub fn eml(&self) -> String {
        let mut out = String::new();
        if let Some(to) = &self.to {
            out += &["To: ", &header_value(to), "\r\n"].concat();
        }
        out += &["Subject: ", &header_value(&self.subject), "\r\n"].concat();
        out.push_str("X-Unsent: 1\r\n");
        out.push_str("MIME-Version: 1.0\r\n");
        out.push_str("Content-Type: text/plain; charset=utf-8\r\n");
        out.push_str("Content-Transfer-Encoding: 8bit\r\n\r\n");
        out.push_str(&self.body.replace('\n', "\r\n"));
        out
    }

    /// A file name for this person's `.eml` draft (in the employer's language, who saves it):
    /// letters, digits, spaces and dashes only.
    pub fn file_name(name: &str) -> String {
        let safe = |text: &str| -> String {
            let clean: String =
                text.chars().map(|c| if c.is_alphanumeric() || c == ' ' || c == '-' { c } else { '_' }).collect();
            clean.trim().to_owned()
        };
        let clean = safe(name);
        let name = if clean.is_empty() { safe(&tr!("cli-mail-file-someone")) } else { clean };
        format!("{}.eml", safe(&tr!("cli-mail-file-name", name = name)))
    }
}

/// The message text, in the current language (the caller chooses the campaign's): a message
/// per paragraph, the link and the ticket on lines of their own.
fn body(campaign: &Campaign, name: &str, ticket: &Ticket, cut_instructions: Option<usize>) -> String {
    let mut instructions = campaign.instructions.trim().to_owned();
    if let Some(max) = cut_instructions
        && instructions.chars().count() > max
    {
        let cut: String = instructions.chars().take(max).collect();
        instructions = tr!("cli-mail-instructions-cut", instructions = cut);
    }
    let intro = tr!(
        "cli-mail-intro",
        role = campaign.role.as_str(),
        title = campaign.title.as_str(),
        deadline = fmt::in_campaign_zone(campaign.deadline, campaign.time_zone.as_deref()),
    );
    let mut paragraphs = vec![tr!("cli-mail-greeting", name = name), intro];
    if !instructions.is_empty() {
        paragraphs.push(instructions);
    }
    paragraphs.extend([
        tr!("cli-mail-step-install", get_peerview = get_peerview()),
        tr!("cli-mail-step-link"),
        format!("   {}", ticket.link()),
        tr!("cli-mail-paste-ticket"),
        format!("   {}", ticket.encode()),
        tr!("cli-mail-one-computer"),
    ]);
    paragraphs.join("\n\n") + "\n"
}

/// Percent-encode everything but RFC 3986's unreserved characters.
fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.extend(['%', char::from(HEX[usize::from(byte >> 4)]), char::from(HEX[usize::from(byte & 15)])]);
        }
    }
    out
}

/// A header value: as is when it is plain ASCII on one line, else an RFC 2047 encoded word.
fn header_value(text: &str) -> String {
    let one_line = text.replace(['\r', '\n'], " ");
    if one_line.is_ascii() { one_line } else { format!("=?utf-8?B?{}?=", base64(one_line.as_bytes())) }
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use peerview_sync::ticket::{Invitee, TicketNode};
    use peerview_sync::{CampaignId, CandidateId, Timestamp};

    use super::*;

    fn campaign(instructions: &str) -> Campaign {
        Campaign {
            id: CampaignId::random(),
            title: "Support engineer".into(),
            role: "Customer support".into(),
            instructions: instructions.into(),
            practice: None,
            questions: Vec::new(),
            criteria: Vec::new(),
            deadline: Timestamp(4_070_908_800_000), // 2099-01-01 00:00 UTC
            created_at: Timestamp(0),
            retention_days: None,
            blind_review: false,
            reviewers_may_message: false,
            language: None,
            time_zone: None,
        }
    }

    fn ticket() -> Ticket {
        Ticket {
            campaign: CampaignId::random(),
            invitee: Invitee::Candidate(CandidateId::random()),
            secret: Ticket::new_secret(),
            nodes: vec![TicketNode {
                endpoint_id: [7; 32],
                addrs: vec!["192.0.2.10:47100".parse().expect("addr")],
                relay_url: None,
            }],
        }
    }

    /// Undo `percent_encode`, for reading a link back.
    fn percent_decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).expect("hex"));
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn a_mailto_draft_carries_subject_deadline_instructions_link_ticket_and_where_to_get_peerview() {
        let t = ticket();
        let url = InviteMail::mailto(&campaign("Speak freely & take your time."), "Zoë", Some("zoe@example.org"), &t);
        let (to, query) = url.strip_prefix("mailto:").expect("mailto").split_once('?').expect("query");
        assert_eq!(percent_decode(to), "zoe@example.org");
        let (subject, body) = query.strip_prefix("subject=").expect("subject").split_once("&body=").expect("body");
        assert!(!body.contains(['&', '?', ' ', '\n', '#']), "one query value: {body}");
        assert_eq!(percent_decode(subject), "Video interview: Support engineer");
        let body = percent_decode(body);
        for expected in [
            "Hello Zoë,",
            "until 2099-01-01 00:00 UTC",
            "Speak freely & take your time.",
            &t.link(),
            &t.encode(),
            "Install Peerview",
        ] {
            assert!(body.contains(expected), "{expected:?} missing from {body}");
        }
        assert!(body.contains("\r\n") && !body.replace("\r\n", "").contains('\n'), "CRLF line ends");
        assert_eq!(Ticket::decode(&t.link()), Ok(t));
    }

    #[test]
    fn long_instructions_are_cut_in_a_mailto_draft_and_whole_in_an_eml() {
        let long = "word ".repeat(2_000);
        let c = campaign(&long);
        let t = ticket();
        let url = InviteMail::mailto(&c, "Ada", None, &t);
        assert!(url.starts_with("mailto:?subject="), "no recipient: {url}");
        assert!(url.len() < 6_000, "{} characters", url.len());
        assert!(percent_decode(&url).contains("the rest is in Peerview"));
        let eml = InviteMail::new(&c, "Ada", None, &t).eml();
        assert!(eml.contains(long.trim()), "whole instructions in the .eml");
    }

    #[test]
    fn an_eml_draft_is_a_message_any_mail_program_opens() {
        let t = ticket();
        let eml = InviteMail::new(&campaign("Hi."), "Zoë", Some(" zoe@example.org "), &t).eml();
        let (headers, body) = eml.split_once("\r\n\r\n").expect("headers, blank line, body");
        assert_eq!(
            headers.split("\r\n").collect::<Vec<_>>(),
            [
                "To: zoe@example.org",
                "Subject: Video interview: Support engineer",
                "X-Unsent: 1",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: 8bit",
            ]
        );
        assert!(body.contains(&t.link()) && body.contains("Hello Zoë,"));
        let mut c = campaign("Hi.");
        c.title = "Ingénieur\nsupport".into();
        let eml = InviteMail::new(&c, "A", None, &t).eml();
        assert!(eml.starts_with("Subject: =?utf-8?B?"), "{eml}");
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
    }

    #[test]
    fn the_mail_is_in_the_campaigns_language() {
        let t = ticket();
        let mut c = campaign("Nehmen Sie sich Zeit.");
        c.language = Some("de".into());
        c.time_zone = Some("Europe/Berlin".into());
        let mail = InviteMail::new(&c, "Zoë", None, &t);
        assert_eq!(mail.subject, "Video-Interview: Support engineer");
        let want = ["Guten Tag Zoë,", "bis 01.01.2099, 01:00 CET", "Installieren Sie zuerst Peerview", &t.link()];
        for expected in want {
            // A system without a time zone database names the deadline in UTC.
            if expected.contains("CET") && crate::fmt::zone("Europe/Berlin").is_none() {
                continue;
            }
            assert!(mail.body.contains(expected), "{expected:?} missing from {}", mail.body);
        }
        let url = InviteMail::mailto(&c, "Zoë", None, &t);
        assert!(percent_decode(&url).contains("Guten Tag"), "the mailto draft too");
        c.language = None;
        assert!(InviteMail::new(&c, "Zoë", None, &t).body.starts_with("Hello Zoë,"), "else the employer's");
    }

    #[test]
    fn draft_file_names_are_safe_everywhere() {
        assert_eq!(InviteMail::file_name("Ada Lovelace"), "Invite Ada Lovelace.eml");
        assert_eq!(InviteMail::file_name("../etc/x: y?"), "Invite ___etc_x_ y_.eml");
        assert_eq!(InviteMail::file_name("  "), "Invite candidate.eml");
    }
}
