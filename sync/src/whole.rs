//! A document moved whole, without loading it on either side. A peer that has none of a
//! document gets it the way Automerge itself would send it (one V2 sync message holding the
//! saved document), but the bytes are the saved snapshot as the store holds it and the heads
//! come from its header: no Automerge load on the side that sends. The side that receives keeps
//! the bytes as they arrived and says "I hold exactly these heads"; it loads the document only
//! if the peer has more to say about it. A reviewer's first sync moves thousands of documents
//! that nobody changes on the way, and loading each of them on both sides was most of its time.
//!
//! The messages are ordinary Automerge sync messages, so a peer of an earlier version reads them
//! as it always did: a whole document arrives, and "I hold these heads" with nothing else is
//! what a peer that is up to date says.

use automerge::ChangeHash;
use automerge::sync::{ChunkList, Message, MessageFlags, MessageVersion};

/// The message that gives a peer that has nothing the whole document saved as `snapshot` (one
/// document chunk, whose `heads` are read from its header).
pub(crate) fn message(snapshot: Vec<u8>, heads: Vec<ChangeHash>) -> Message {
    // No summary of what we have: the peer has nothing to send back for a document it did not
    // hold, and a summary would need the document loaded.
    v2(heads, ChunkList::from(snapshot))
}

/// "I hold exactly `heads` and need nothing": what a side that took a document whole says next.
pub(crate) fn holding(heads: Vec<ChangeHash>) -> Message {
    v2(heads, ChunkList::from(Vec::<Vec<u8>>::new()))
}

fn v2(heads: Vec<ChangeHash>, changes: ChunkList) -> Message {
    let mut flags = MessageFlags::new();
    flags.set(MessageFlags::SUPPORTS_SYNC_RESET);
    Message { heads, need: Vec::new(), have: Vec::new(), changes, flags: Some(flags), version: MessageVersion::V2 }
}

/// Whether the peer that sent `message` holds none of the document and takes whole documents
/// (what Automerge checks before sending one: no heads, and the V2 format understood).
pub(crate) fn peer_has_nothing(message: &Message) -> bool {
    message.heads.is_empty() && message.changes.is_empty() && message.need.is_empty() && message.flags.is_some()
}

/// Whether the peer that sent `message` holds exactly `heads` and asks for nothing.
pub(crate) fn peer_holds(message: &Message, heads: &[ChangeHash]) -> bool {
    message.heads == heads && message.changes.is_empty() && message.need.is_empty()
}

/// The document `message` carries whole, with its heads: one document chunk whose header
/// names the heads the message announces. `None` for any other message.
pub(crate) fn carried(message: &Message) -> Option<(&[u8], Vec<ChangeHash>)> {
    let mut chunks = message.changes.iter();
    let (bytes, None) = (chunks.next()?, chunks.next()) else { return None };
    let heads = crate::budget::document_heads(bytes)?;
    (!heads.is_empty() && heads == message.heads && message.need.is_empty()).then_some((bytes, heads))
}

#[cfg(test)]
mod tests {
    use automerge::sync::{State, SyncDoc};
    use automerge::transaction::Transactable;
    use automerge::{AutoCommit, ROOT};

    use super::*;

    fn doc(changes: usize) -> AutoCommit {
        let mut doc = AutoCommit::new();
        for i in 0..changes {
            doc.put(ROOT, format!("k{i}"), i as i64).expect("put");
            doc.commit();
        }
        doc
    }

    /// The heads read from a saved document's header are the ones loading it gives; anything
    /// but one document chunk has none.
    #[test]
    fn a_snapshot_names_its_heads() {
        let mut one = doc(5);
        let mut other = one.fork();
        one.put(ROOT, "a", 1).expect("put");
        other.put(ROOT, "b", 2).expect("put");
        one.merge(&mut other).expect("merge");
        let saved = one.save();
        let heads = crate::budget::document_heads(&saved).expect("a document chunk");
        assert_eq!(heads.len(), 2);
        assert_eq!(heads, AutoCommit::load(&saved).expect("load").get_heads());
        assert_eq!(crate::budget::document_heads(&[saved.clone(), saved.clone()].concat()), None, "two chunks");
        assert_eq!(crate::budget::document_heads(&saved[..saved.len() - 1]), None, "truncated");
        assert_eq!(crate::budget::document_heads(&one.save_incremental()), None, "changes, not a document");
        assert_eq!(crate::budget::document_heads(b"not automerge"), None);
    }

    /// Against Automerge's own sync on the other side: a peer that has nothing says so, takes
    /// the whole document from `message`, and after `holding` both sides have nothing to say.
    #[test]
    fn automerge_peers_take_a_whole_document_and_settle() {
        let mut ours = doc(20);
        let saved = ours.save();
        let heads = ours.get_heads();
        let mut theirs = AutoCommit::new();
        let mut their_state = State::new();
        let first = theirs.sync().generate_sync_message(&mut their_state).expect("a first message");
        let first = Message::decode(&first.encode()).expect("decode");
        assert!(peer_has_nothing(&first));
        assert!(!peer_has_nothing(&Message::decode(&holding(heads.clone()).encode()).expect("decode")));
        let whole = Message::decode(&message(saved.clone(), heads.clone()).encode()).expect("decode");
        assert_eq!(carried(&whole).map(|(b, h)| (b.to_vec(), h)), Some((saved.clone(), heads.clone())));
        theirs.sync().receive_sync_message(&mut their_state, whole).expect("receive");
        assert_eq!(theirs.get_heads(), heads);
        // Their answer is that they hold our heads; ours to them after it is nothing.
        let answer = theirs.sync().generate_sync_message(&mut their_state).expect("an answer");
        assert!(peer_holds(&answer, &heads));
        let mut state = State::new();
        ours.sync().receive_sync_message(&mut state, holding(heads.clone())).expect("receive");
        let reply = ours.sync().generate_sync_message(&mut state);
        assert!(reply.as_ref().is_none_or(|m| m.changes.is_empty()), "nothing to send: {reply:?}");
        // A message with changes, or with other heads, is not a whole document.
        assert_eq!(carried(&holding(heads.clone())), None);
        let mut more = ours.fork();
        more.put(ROOT, "later", 1).expect("put");
        more.commit();
        assert!(!peer_holds(&holding(more.get_heads()), &heads));
    }
}
