//! The Roster document: who was invited to a campaign (candidates and reviewers) and the state of
//! each invite. Employer side only: it is never sent to a candidate, so candidates cannot learn
//! each other's names or emails.

use std::fmt;
use std::str::FromStr;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ROOT};

use super::DocError;
use super::fields::{
    Hydrated, check_header, ensure_map, hydrated_entries, hydrated_entry, opt_obj, parse_enum, put_if_changed,
    put_opt_str, req_obj, req_str, timestamp, write_header,
};
use crate::ids::{CampaignId, CandidateId, HubId, ReviewerId};
use crate::time::Timestamp;

const KIND: &str = "roster";

/// Where an invite stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InviteState {
    /// Ticket issued, not used yet.
    Invited,
    /// The ticket was used; the invite is bound to the invitee's node.
    Joined,
    /// Withdrawn by the employer: the ticket and the bound node are refused.
    Revoked,
    /// Candidates only: the submission was deleted (by the employer, at the candidate's request
    /// or at the end of the retention period). The entry is the tombstone: ids only, so a
    /// replica that was offline cannot bring the data back.
    Deleted,
}

impl InviteState {
    pub fn as_str(self) -> &'static str {
        match self {
            InviteState::Invited => "invited",
            InviteState::Joined => "joined",
            InviteState::Revoked => "revoked",
            InviteState::Deleted => "deleted",
        }
    }
}

impl fmt::Display for InviteState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for InviteState {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "invited" => Ok(InviteState::Invited),
            "joined" => Ok(InviteState::Joined),
            "revoked" => Ok(InviteState::Revoked),
            "deleted" => Ok(InviteState::Deleted),
            _ => Err(()),
        }
    }
}

/// Why a submission was deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeletionReason {
    /// The employer side deleted it.
    Employer,
    /// The candidate withdrew and asked for it.
    Withdrawn,
    /// The campaign's retention period ended.
    Retention,
}

impl DeletionReason {
    pub fn as_str(self) -> &'static str {
        match self {
            DeletionReason::Employer => "employer",
            DeletionReason::Withdrawn => "withdrawn",
            DeletionReason::Retention => "retention",
        }
    }

    /// For people: why it went.
    pub fn describe(self) -> &'static str {
        match self {
            DeletionReason::Employer => "deleted by the employer",
            DeletionReason::Withdrawn => "withdrawn at the candidate's request",
            DeletionReason::Retention => "the retention period ended",
        }
    }
}

impl fmt::Display for DeletionReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DeletionReason {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "employer" => Ok(DeletionReason::Employer),
            "withdrawn" => Ok(DeletionReason::Withdrawn),
            "retention" => Ok(DeletionReason::Retention),
            _ => Err(()),
        }
    }
}

/// When and why a candidate's submission was deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deletion {
    pub at: Timestamp,
    pub reason: DeletionReason,
}

/// An invited candidate. The name and email live in the candidate's Contact document (which
/// deletion removes); `Store::roster` fills them in, or an alias where they are not here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub id: CandidateId,
    pub name: String,
    pub email: Option<String>,
    pub state: InviteState,
    pub invited_at: Timestamp,
    /// BLAKE3 of the invite secret, hex (the secret itself is only in the ticket).
    pub secret_hash: Option<String>,
    /// The node the invite is bound to (endpoint id, hex), after first use.
    pub endpoint: Option<String>,
    /// Set when the submission was deleted (state `Deleted`).
    pub deleted: Option<Deletion>,
}

impl Candidate {
    /// What to call a candidate whose name is not known here (blind review, or deleted): a
    /// stable alias from the id, never personal data.
    pub fn alias(id: &CandidateId) -> String {
        let short: String = id.as_str().chars().filter(char::is_ascii_alphanumeric).take(6).collect();
        format!("Candidate {}", short.to_uppercase())
    }
}

/// A colleague invited to review the campaign's submissions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reviewer {
    pub id: ReviewerId,
    pub name: String,
    pub state: InviteState,
    pub invited_at: Timestamp,
    /// BLAKE3 of the invite secret, hex.
    pub secret_hash: Option<String>,
    /// The node the invite is bound to (endpoint id, hex), after first use.
    pub endpoint: Option<String>,
    /// The employer-side node that issued the invite (endpoint id, hex): revoking a hub
    /// revokes the reviewers and hubs it invited.
    pub invited_by: Option<String>,
}

/// Another employer-side node (an always-on office machine, a colleague's laptop): it holds a
/// full replica of the campaign and accepts candidates and reviewers like the first node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hub {
    pub id: HubId,
    pub name: String,
    pub state: InviteState,
    pub invited_at: Timestamp,
    /// BLAKE3 of the invite secret, hex.
    pub secret_hash: Option<String>,
    /// The node the invite is bound to (endpoint id, hex), after first use.
    pub endpoint: Option<String>,
    /// Where candidates can reach it (direct addresses, space-separated), as the hub last
    /// reported; new invites list it.
    pub addrs: Vec<std::net::SocketAddr>,
    pub relay_url: Option<String>,
    /// The employer-side node that issued the invite (endpoint id, hex).
    pub invited_by: Option<String>,
}

/// The roster as plain data; candidates, reviewers and hubs in invitation order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Roster {
    pub campaign_id: CampaignId,
    pub candidates: Vec<Candidate>,
    pub reviewers: Vec<Reviewer>,
    pub hubs: Vec<Hub>,
}

impl Roster {
    pub fn candidate(&self, id: &CandidateId) -> Option<&Candidate> {
        self.candidates.iter().find(|c| &c.id == id)
    }

    pub fn reviewer(&self, id: &ReviewerId) -> Option<&Reviewer> {
        self.reviewers.iter().find(|r| &r.id == id)
    }

    pub fn hub(&self, id: &HubId) -> Option<&Hub> {
        self.hubs.iter().find(|h| &h.id == id)
    }
}

/// A roster held as an Automerge document.
#[derive(Debug)]
pub struct RosterDoc {
    doc: AutoCommit,
}

impl RosterDoc {
    pub fn create(campaign_id: &CampaignId) -> Result<Self, DocError> {
        let mut doc = AutoCommit::new();
        write_header(&mut doc, KIND)?;
        doc.put(ROOT, "campaign_id", campaign_id.as_str())?;
        doc.put_object(ROOT, "candidates", ObjType::Map)?;
        doc.put_object(ROOT, "reviewers", ObjType::Map)?;
        // Created up front: two nodes creating the same map concurrently would lose one side.
        doc.put_object(ROOT, "hubs", ObjType::Map)?;
        Ok(Self { doc })
    }

    pub fn from_automerge(doc: AutoCommit) -> Result<Self, DocError> {
        Self::from_automerge_read(doc).map(|(this, _)| this)
    }

    /// As [`Self::from_automerge`], with what it read to check the document: reading it again
    /// would cost as much (most of a second for 10,000 candidates).
    pub fn from_automerge_read(doc: AutoCommit) -> Result<(Self, Roster), DocError> {
        check_header(&doc, KIND)?;
        let this = Self { doc };
        let roster = this.read()?;
        Ok((this, roster))
    }

    /// A copy of a document this process checked with [`Self::from_automerge_read`], unchanged
    /// since (the roster index's): checking it again would read all of it, a tenth of a second
    /// for 10,000 candidates.
    pub(crate) fn read_before(doc: AutoCommit) -> Self {
        Self { doc }
    }

    pub fn automerge(&self) -> &AutoCommit {
        &self.doc
    }

    pub fn automerge_mut(&mut self) -> &mut AutoCommit {
        &mut self.doc
    }

    pub fn into_automerge(self) -> AutoCommit {
        self.doc
    }

    pub fn read(&self) -> Result<Roster, DocError> {
        let map = req_obj(&self.doc, &ROOT, "candidates", ObjType::Map, "")?;
        let mut candidates = Vec::new();
        for (key, obj) in hydrated_entries(&self.doc, &map, "candidates")? {
            candidates.push(read_candidate(&key, &obj)?);
        }
        self.read_with(candidates)
    }

    /// What the roster says now, given what it said (`old`) at `before` (earlier heads of this
    /// document): the candidates that changes since then touched are read again, the others
    /// taken from `old`; the rest (reviewers, hubs) is small and read in full. Reading every
    /// candidate takes a tenth of a second for 10,000 of them, and the roster changes with each
    /// invite and each bound ticket.
    pub fn read_since(&mut self, before: &[automerge::ChangeHash], old: &Roster) -> Result<Roster, DocError> {
        let after = self.doc.get_heads();
        let Some(touched) = touched_candidates(&self.doc.diff(before, &after)) else { return self.read() };
        let map = req_obj(&self.doc, &ROOT, "candidates", ObjType::Map, "")?;
        let mut candidates: Vec<Candidate> =
            old.candidates.iter().filter(|c| !touched.contains(c.id.as_str())).cloned().collect();
        for key in &touched {
            if let Some(obj) = hydrated_entry(&self.doc, &map, key, "candidates")? {
                candidates.push(read_candidate(key, &obj)?);
            }
        }
        self.read_with(candidates)
    }

    /// The roster with these candidates: the rest read from the document.
    fn read_with(&self, mut candidates: Vec<Candidate>) -> Result<Roster, DocError> {
        let d = &self.doc;
        let mut reviewers = Vec::new();
        let map = req_obj(d, &ROOT, "reviewers", ObjType::Map, "")?;
        for (key, obj) in hydrated_entries(d, &map, "reviewers")? {
            let path = format!("reviewers.{key}");
            reviewers.push(Reviewer {
                id: parse_enum(&key, "reviewers", &key)?,
                name: obj.req_str("name", &path)?,
                state: parse_enum(&obj.req_str("state", &path)?, &path, "state")?,
                invited_at: obj.req_time("invited_at", &path)?,
                secret_hash: obj.opt_str("secret_hash", &path)?,
                endpoint: obj.opt_str("endpoint", &path)?,
                invited_by: obj.opt_str("invited_by", &path)?,
            });
        }
        // Rosters written before hubs existed have no "hubs" map.
        let mut hubs = Vec::new();
        if let Some(map) = opt_obj(d, &ROOT, "hubs", ObjType::Map, "")? {
            for (key, obj) in hydrated_entries(d, &map, "hubs")? {
                let path = format!("hubs.{key}");
                let addrs = obj.opt_str("addrs", &path)?.unwrap_or_default();
                hubs.push(Hub {
                    id: parse_enum(&key, "hubs", &key)?,
                    name: obj.req_str("name", &path)?,
                    state: parse_enum(&obj.req_str("state", &path)?, &path, "state")?,
                    invited_at: obj.req_time("invited_at", &path)?,
                    secret_hash: obj.opt_str("secret_hash", &path)?,
                    endpoint: obj.opt_str("endpoint", &path)?,
                    invited_by: obj.opt_str("invited_by", &path)?,
                    addrs: addrs
                        .split_whitespace()
                        .map(|a| {
                            a.parse().map_err(|_| DocError::WrongType {
                                path: format!("{path}.addrs"),
                                expected: "socket addresses",
                            })
                        })
                        .collect::<Result<_, _>>()?,
                    relay_url: obj.opt_str("relay_url", &path)?,
                });
            }
        }
        candidates.sort_by(|a, b| (a.invited_at, &a.id).cmp(&(b.invited_at, &b.id)));
        reviewers.sort_by(|a, b| (a.invited_at, &a.id).cmp(&(b.invited_at, &b.id)));
        hubs.sort_by(|a, b| (a.invited_at, &a.id).cmp(&(b.invited_at, &b.id)));
        Ok(Roster {
            campaign_id: parse_enum(&req_str(d, &ROOT, "campaign_id", "")?, "", "campaign_id")?,
            candidates,
            reviewers,
            hubs,
        })
    }

    /// Add or update a candidate's entry: ids and invite state only (the name and email go
    /// into the candidate's Contact document).
    pub fn put_candidate(&mut self, c: &Candidate) -> Result<(), DocError> {
        let obj = self.entry("candidates", c.id.as_str())?;
        let d = &mut self.doc;
        put_if_changed(d, &obj, "state", c.state.as_str())?;
        if let Some(deletion) = c.deleted {
            put_if_changed(d, &obj, "deleted_at", timestamp(deletion.at))?;
            put_if_changed(d, &obj, "deleted_reason", deletion.reason.as_str())?;
        }
        put_if_changed(d, &obj, "invited_at", timestamp(c.invited_at))?;
        put_opt_str(d, &obj, "secret_hash", c.secret_hash.as_deref())?;
        put_opt_str(d, &obj, "endpoint", c.endpoint.as_deref())?;
        Ok(())
    }

    /// Add or update a reviewer.
    pub fn put_reviewer(&mut self, r: &Reviewer) -> Result<(), DocError> {
        let obj = self.entry("reviewers", r.id.as_str())?;
        let d = &mut self.doc;
        put_if_changed(d, &obj, "name", r.name.as_str())?;
        put_if_changed(d, &obj, "state", r.state.as_str())?;
        put_if_changed(d, &obj, "invited_at", timestamp(r.invited_at))?;
        put_opt_str(d, &obj, "secret_hash", r.secret_hash.as_deref())?;
        put_opt_str(d, &obj, "endpoint", r.endpoint.as_deref())?;
        put_opt_str(d, &obj, "invited_by", r.invited_by.as_deref())?;
        Ok(())
    }

    /// Add or update a hub.
    pub fn put_hub(&mut self, h: &Hub) -> Result<(), DocError> {
        let obj = self.entry("hubs", h.id.as_str())?;
        let d = &mut self.doc;
        put_if_changed(d, &obj, "name", h.name.as_str())?;
        put_if_changed(d, &obj, "state", h.state.as_str())?;
        put_if_changed(d, &obj, "invited_at", timestamp(h.invited_at))?;
        put_opt_str(d, &obj, "secret_hash", h.secret_hash.as_deref())?;
        put_opt_str(d, &obj, "endpoint", h.endpoint.as_deref())?;
        put_opt_str(d, &obj, "invited_by", h.invited_by.as_deref())?;
        let addrs = h.addrs.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ");
        put_opt_str(d, &obj, "addrs", Some(addrs.as_str()).filter(|a| !a.is_empty()))?;
        put_opt_str(d, &obj, "relay_url", h.relay_url.as_deref())?;
        Ok(())
    }

    fn entry(&mut self, group: &str, id: &str) -> Result<ObjId, DocError> {
        let map = ensure_map(&mut self.doc, &ROOT, group)?;
        ensure_map(&mut self.doc, &map, id)
    }
}

/// One candidate's entry, read whole.
fn read_candidate(key: &str, obj: &Hydrated) -> Result<Candidate, DocError> {
    let path = format!("candidates.{key}");
    let id: CandidateId = parse_enum(key, "candidates", key)?;
    let deleted = match obj.opt_time("deleted_at", &path)? {
        Some(at) => {
            Some(Deletion { at, reason: parse_enum(&obj.req_str("deleted_reason", &path)?, &path, "deleted_reason")? })
        }
        None => None,
    };
    Ok(Candidate {
        // Rosters written before contacts had their own document kept the name here.
        name: obj.opt_str("name", &path)?.unwrap_or_else(|| Candidate::alias(&id)),
        email: obj.opt_str("email", &path)?,
        id,
        state: parse_enum(&obj.req_str("state", &path)?, &path, "state")?,
        invited_at: obj.req_time("invited_at", &path)?,
        secret_hash: obj.opt_str("secret_hash", &path)?,
        endpoint: obj.opt_str("endpoint", &path)?,
        deleted,
    })
}

/// The candidates (keys of the "candidates" map) that these patches touch; `None` when they
/// touch the map itself as a whole (made anew), or it cannot be told: read everything then.
fn touched_candidates(patches: &[automerge::Patch]) -> Option<std::collections::BTreeSet<String>> {
    use automerge::{PatchAction, Prop};
    let mut touched = std::collections::BTreeSet::new();
    for patch in patches {
        match patch.path.as_slice() {
            // An entry of the map added, replaced or removed.
            [(_, Prop::Map(top))] if top == "candidates" => match &patch.action {
                PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key } => {
                    touched.insert(key.clone());
                }
                _ => return None,
            },
            // Inside a candidate's entry.
            [(_, Prop::Map(top)), (_, Prop::Map(key)), ..] if top == "candidates" => {
                touched.insert(key.clone());
            }
            [(_, Prop::Map(top)), ..] if top == "candidates" => return None,
            [] => match &patch.action {
                PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key } if key == "candidates" => return None,
                PatchAction::PutMap { .. } | PatchAction::DeleteMap { .. } => {}
                _ => return None,
            },
            // Reviewers, hubs: read in full anyway.
            _ => {}
        }
    }
    Some(touched)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_and_reviewers_round_trip() {
        let campaign = CampaignId::random();
        let mut doc = RosterDoc::create(&campaign).expect("create");
        let mut ada = Candidate {
            id: CandidateId::random(),
            name: "Ada".into(),
            email: Some("ada@example.org".into()),
            state: InviteState::Invited,
            invited_at: Timestamp(10),
            secret_hash: Some("ab".into()),
            endpoint: None,
            deleted: None,
        };
        doc.put_candidate(&ada).expect("put");
        let bob = Reviewer {
            id: ReviewerId::random(),
            name: "Bob".into(),
            state: InviteState::Invited,
            invited_at: Timestamp(11),
            secret_hash: None,
            endpoint: Some("cd".into()),
            invited_by: Some("01".into()),
        };
        doc.put_reviewer(&bob).expect("put");
        ada.state = InviteState::Deleted;
        ada.endpoint = Some("ef".into());
        ada.deleted = Some(Deletion { at: Timestamp(12), reason: DeletionReason::Withdrawn });
        doc.put_candidate(&ada).expect("put");
        let bytes = doc.automerge_mut().save();
        let roster =
            RosterDoc::from_automerge(AutoCommit::load(&bytes).expect("load")).expect("typed").read().expect("read");
        // The roster never holds the name or email: they are in the Contact document.
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("Ada") && !text.contains("ada@example.org"), "personal data in the roster");
        let alias = Candidate { name: Candidate::alias(&ada.id), email: None, ..ada };
        assert_eq!(
            roster,
            Roster { campaign_id: campaign, candidates: vec![alias], reviewers: vec![bob], hubs: vec![] }
        );
    }

    /// Reading only what changed since earlier heads gives what reading everything gives: for
    /// candidates added, changed and removed, reviewers added, and changes merged from another
    /// copy (concurrent with local ones).
    #[test]
    fn reading_what_changed_equals_reading_everything() {
        let candidate = |i: i64| Candidate {
            id: CandidateId::random(),
            name: String::new(),
            email: None,
            state: InviteState::Invited,
            invited_at: Timestamp(i),
            secret_hash: Some(format!("{i:02x}")),
            endpoint: None,
            deleted: None,
        };
        let mut doc = RosterDoc::create(&CampaignId::random()).expect("create");
        let mut everyone: Vec<Candidate> = (0..30).map(candidate).collect();
        for c in &everyone {
            doc.put_candidate(c).expect("put");
        }
        let check = |doc: &mut RosterDoc, change: &dyn Fn(&mut RosterDoc)| {
            let before = doc.automerge_mut().get_heads();
            let old = doc.read().expect("read");
            change(doc);
            let since = doc.read_since(&before, &old).expect("read since");
            assert_eq!(since, doc.read().expect("read"));
            since
        };
        let added = candidate(100);
        let roster = check(&mut doc, &|d| d.put_candidate(&added).expect("put"));
        assert_eq!(roster.candidates.len(), 31);
        everyone[3].state = InviteState::Joined;
        everyone[3].endpoint = Some("ab".into());
        let changed = everyone[3].clone();
        let roster = check(&mut doc, &|d| d.put_candidate(&changed).expect("put"));
        assert_eq!(roster.candidate(&changed.id).map(|c| c.state), Some(InviteState::Joined));
        let gone = everyone[5].id.clone();
        let roster = check(&mut doc, &|d| {
            let map = automerge::ReadDoc::get(&d.doc, ROOT, "candidates").expect("get").expect("map").1;
            d.doc.delete(&map, gone.as_str()).expect("delete");
        });
        assert!(roster.candidate(&gone).is_none());
        let reviewer = Reviewer {
            id: ReviewerId::random(),
            name: "Rita".into(),
            state: InviteState::Invited,
            invited_at: Timestamp(7),
            secret_hash: None,
            endpoint: None,
            invited_by: None,
        };
        let roster = check(&mut doc, &|d| d.put_reviewer(&reviewer).expect("put"));
        assert_eq!(roster.reviewers.len(), 1);
        // Another copy changes a candidate while this one adds one; then they merge.
        let mut theirs = RosterDoc::read_before(doc.automerge_mut().fork());
        let mut bound = everyone[9].clone();
        bound.endpoint = Some("cd".into());
        theirs.put_candidate(&bound).expect("put");
        let late = candidate(200);
        doc.put_candidate(&late).expect("put");
        let roster = check(&mut doc, &|d| {
            d.doc.merge(&mut theirs.doc.clone()).expect("merge");
        });
        assert_eq!(roster.candidate(&bound.id).and_then(|c| c.endpoint.clone()), Some("cd".into()));
        // A whole new map of candidates: everything is read again.
        check(&mut doc, &|d| {
            d.doc.put_object(ROOT, "candidates", ObjType::Map).expect("put");
        });
    }
}
