//! Ticket parsing: any text either decodes or is refused with a reason, never a panic; what
//! decodes re-encodes to a ticket that decodes to the same thing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peerview_sync::ticket::Ticket;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(ticket) = Ticket::decode(&text) {
        let again = Ticket::decode(&ticket.encode()).expect("a re-encoded ticket decodes");
        assert_eq!(again, ticket);
    }
});
