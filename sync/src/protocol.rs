//! The `peerview/sync/1` wire format: length-prefixed postcard frames over one QUIC bi-stream.
//!
//! ```text
//! dialer                                   employer side
//!   Hello { claim? }            ──▶
//!                               ◀──  Welcome { docs } | Refused { reason } | Deleted { at, reason }
//!   Round { one entry per doc } ──▶   (each change checked, then applied)
//!                               ◀──  Round { entries } | Refused { reason } | Deleted { at, reason }
//!   ... until a round carried no changes and brought nothing back ...
//!   (a round may carry documents the Welcome did not list: a reviewer's or hub's scorecards
//!    the employer side does not hold yet; and the employer side adds the other reviewers'
//!    scorecards of a submission once the reviewer's own is submitted)
//!   Bye                         ──▶
//! ```
//! Every read has a size limit and a timeout, so a silent or hostile peer costs little.

use std::time::Duration;

use iroh::endpoint::{RecvStream, SendStream};
use serde::{Deserialize, Serialize};

use crate::auth::DocRef;
use crate::ids::CampaignId;
use crate::ticket::Invitee;

pub const SYNC_ALPN: &[u8] = b"peerview/sync/1";
/// A candidate dials this to let the employer side fetch its recordings over the connection.
pub const OFFER_ALPN: &[u8] = b"peerview/offer/1";
/// Largest frame accepted (an Automerge sync message for one document).
pub const MAX_FRAME_BYTES: usize = 8 << 20;
/// How long to wait for the peer's next frame.
pub const READ_TIMEOUT: Duration = Duration::from_secs(20);

/// QUIC application error codes used when closing.
pub mod close_code {
    pub const DONE: u32 = 0;
    pub const REFUSED: u32 = 1;
    pub const PROTOCOL: u32 = 2;
    pub const INTERNAL: u32 = 3;
}

/// Proof of an invite, sent the first time a node connects with a ticket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub campaign: CampaignId,
    pub invitee: Invitee,
    pub secret: [u8; 16],
}

/// One document's Automerge sync message in a round (`None`: nothing to say).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub doc: DocRef,
    pub message: Option<Vec<u8>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Msg {
    Hello {
        protocol: u32,
        claim: Option<Claim>,
    },
    Welcome {
        docs: Vec<DocRef>,
    },
    Refused {
        reason: String,
    },
    Round {
        entries: Vec<Entry>,
    },
    Bye,
    /// To a candidate: the employer side deleted this submission (at, in ms since the epoch,
    /// and why: `DeletionReason`). The candidate keeps it as the receipt of the deletion.
    Deleted {
        at: i64,
        reason: String,
    },
}

pub const PROTOCOL_VERSION: u32 = 1;

/// Errors of the wire protocol.
#[derive(Debug, thiserror::Error)]
pub enum WireError {
    #[error("the peer announced a frame of {0} bytes, over the limit")]
    TooLarge(usize),
    #[error("the peer sent a malformed message: {0}")]
    Malformed(String),
    #[error("the peer did not answer in time")]
    Timeout,
    #[error("the peer closed the stream")]
    Closed,
    #[error("connection: {0}")]
    Io(String),
}

/// Encode a message as a frame: u32 big-endian length, then postcard bytes.
pub fn encode(msg: &Msg) -> Vec<u8> {
    let body = postcard::to_stdvec(msg).expect("serialising into memory cannot fail");
    let mut frame = Vec::with_capacity(body.len() + 4);
    frame.extend_from_slice(&(body.len() as u32).to_be_bytes());
    frame.extend_from_slice(&body);
    frame
}

/// Decode a frame's body (the bytes after the length).
pub fn decode(body: &[u8]) -> Result<Msg, WireError> {
    postcard::from_bytes(body).map_err(|e| WireError::Malformed(e.to_string()))
}

pub async fn write_msg(send: &mut SendStream, msg: &Msg) -> Result<(), WireError> {
    send.write_all(&encode(msg)).await.map_err(|e| WireError::Io(e.to_string()))
}

pub async fn read_msg(recv: &mut RecvStream) -> Result<Msg, WireError> {
    read_frame(recv, MAX_FRAME_BYTES, READ_TIMEOUT).await.map(|(msg, _)| msg)
}

/// Read one frame of at most `max_bytes` within `timeout`; returns the message and the frame's
/// size. Memory grows with the bytes that actually arrived, never with the announced length
/// alone, so a peer announcing a large frame and trickling it costs what it sent.
pub async fn read_frame(recv: &mut RecvStream, max_bytes: usize, timeout: Duration) -> Result<(Msg, usize), WireError> {
    tokio::time::timeout(timeout, async {
        let mut len = [0u8; 4];
        read_exact(recv, &mut len).await?;
        let len = u32::from_be_bytes(len) as usize;
        if len > max_bytes {
            return Err(WireError::TooLarge(len));
        }
        let mut body = Vec::with_capacity(len.min(READ_STEP_BYTES));
        while body.len() < len {
            let start = body.len();
            let step = (len - start).min(READ_STEP_BYTES.max(start));
            body.resize(start + step, 0);
            read_exact(recv, &mut body[start..]).await?;
        }
        Ok((decode(&body)?, len + 4))
    })
    .await
    .map_err(|_| WireError::Timeout)?
}

/// A frame's buffer grows in steps of at least this many bytes (doubling after that).
const READ_STEP_BYTES: usize = 64 << 10;

async fn read_exact(recv: &mut RecvStream, buf: &mut [u8]) -> Result<(), WireError> {
    recv.read_exact(buf).await.map_err(|e| match e {
        iroh::endpoint::ReadExactError::FinishedEarly(_) => WireError::Closed,
        iroh::endpoint::ReadExactError::ReadError(e) => WireError::Io(e.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DocKind;

    #[test]
    fn frames_round_trip() {
        let msg = Msg::Round {
            entries: vec![Entry {
                doc: DocRef { kind: DocKind::Submission, id: "abc".into() },
                message: Some(vec![1, 2, 3]),
            }],
        };
        let frame = encode(&msg);
        assert_eq!(u32::from_be_bytes(frame[..4].try_into().expect("4 bytes")) as usize, frame.len() - 4);
        assert_eq!(decode(&frame[4..]).expect("decode"), msg);
    }

    /// Garbage never panics the decoder; it is a clear error.
    #[test]
    fn garbage_is_an_error() {
        let mut seed = 1u64;
        for len in 0..300 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    (seed >> 56) as u8
                })
                .collect();
            let _ = decode(&bytes);
        }
        assert!(matches!(decode(&[0xff, 0xff, 0xff]), Err(WireError::Malformed(_))));
    }
}
