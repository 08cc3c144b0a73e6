//! The employer node's picture of its rosters, in memory: who is bound to which endpoint id,
//! each invite's secret hash, each campaign's candidates. Checking a peer or a claim reads only
//! this (no disk, no lock held across I/O), so an unknown peer costs a hash-map lookup.
//!
//! It follows the rosters on disk: this process's own saves are noticed through
//! [`Store::saves`] at the next lookup; saves by other processes (`peerview invite` while the
//! node runs) by [`RosterIndex::refresh`], which the node runs every second and which reads one
//! directory listing per campaign, reloading only the rosters whose files changed. A claim for
//! an invite the index does not know yet waits for a refresh that started after it arrived;
//! such refreshes run at most once a second, however many peers ask.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use tracing::{debug, warn};

use crate::auth::{Access, Refusal};
use crate::doc::{InviteState, Roster, RosterDoc};
use crate::ids::{CampaignId, CandidateId};
use crate::protocol::Claim;
use crate::store::{DocKind, Store, StoreError, StoredDoc};
use crate::ticket::{Invitee, Ticket};
use crate::time::Timestamp;

/// An unused invite for an employer-side node (a hub) expires after this long: it carries full
/// access to the campaign, so a ticket forgotten in a mailbox must not stay valid.
pub const HUB_INVITE_TTL_SECS: u64 = 24 * 3600;

/// Whether an employer-side node's invite expired unused.
pub fn hub_invite_expired(hub: &crate::doc::Hub, now: Timestamp) -> bool {
    hub.endpoint.is_none() && now > hub.invited_at.plus_secs(HUB_INVITE_TTL_SECS)
}

/// Why an expired hub invite is refused.
pub const HUB_INVITE_EXPIRED: &str =
    "this invite for an employer-side node expired unused after 24 hours; ask the employer for a new one";

/// How often a refresh asked for by a claim may run.
const FORCED_REFRESH_EVERY: Duration = Duration::from_secs(1);

/// Why a claim was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClaimError {
    /// The index does not know the invite (yet).
    Unknown,
    Refused(Refusal),
}

impl From<ClaimError> for Refusal {
    fn from(e: ClaimError) -> Refusal {
        match e {
            ClaimError::Unknown => {
                Refusal("this invite is not known to the employer (was the campaign deleted?)".into())
            }
            ClaimError::Refused(r) => r,
        }
    }
}

/// What a valid claim asks of the roster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimCheck {
    /// The invite is bound to this peer already.
    Bound,
    /// The invite is unused: bind it to this peer (a roster write).
    Unbound,
}

#[derive(Debug)]
pub struct RosterIndex {
    store: Arc<Store>,
    state: RwLock<State>,
    /// Refreshes asked for by claims: how many ran, and when the last one did.
    forced: tokio::sync::Mutex<Option<Instant>>,
    forced_count: AtomicU64,
    /// One refresh at a time: two running at once could finish in the wrong order, and the
    /// one that read the disk earlier would put an older roster back (a peer bound a moment
    /// ago would look revoked until the next refresh).
    refreshing: std::sync::Mutex<()>,
}

#[derive(Debug, Default)]
struct State {
    /// `Store::saves(Roster)` when this state was read.
    saves: u64,
    /// Per campaign: the roster's file names when it was loaded, and the roster.
    rosters: BTreeMap<CampaignId, (Vec<String>, Roster)>,
    /// Per campaign: the roster's document as loaded with those files. Binding an invite
    /// changes a copy of it (a few milliseconds) instead of loading and reading the roster
    /// again (a quarter of a second for 10,000 candidates, while the new peer waits).
    docs: HashMap<CampaignId, StoredDoc>,
    by_endpoint: HashMap<String, Access>,
}

impl RosterIndex {
    pub fn new(store: Arc<Store>) -> Self {
        let index = RosterIndex {
            store,
            state: RwLock::new(State::default()),
            forced: tokio::sync::Mutex::new(None),
            forced_count: AtomicU64::new(0),
            refreshing: std::sync::Mutex::new(()),
        };
        index.refresh();
        index
    }

    /// Follow the rosters on disk: reload those whose files changed, drop those that are gone.
    pub fn refresh(&self) {
        let _one = self.refreshing.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let saves = self.store.saves(DocKind::Roster);
        let ids = match self.store.list(DocKind::Roster) {
            Ok(ids) => ids,
            Err(e) => {
                warn!(error = %e, "listing rosters");
                return;
            }
        };
        // Rosters whose files are as when they were read; the others, read anew.
        let mut unchanged = std::collections::HashSet::new();
        let mut reloaded = Vec::new();
        {
            let state = self.read();
            for id in ids {
                let Ok(campaign) = id.parse::<CampaignId>() else { continue };
                let Ok(revision) = self.store.revision(DocKind::Roster, &id) else { continue };
                if state.rosters.get(&campaign).is_some_and(|(known, _)| *known == revision) {
                    unchanged.insert(campaign);
                    continue;
                }
                match self.reread(&campaign, &state) {
                    Ok((stored, roster)) => reloaded.push((campaign, revision, roster, stored)),
                    Err(e) => warn!(%campaign, error = %e, "unreadable roster"),
                }
            }
        }
        let mut state = self.state.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        state.saves = saves;
        let before = state.rosters.len();
        state.rosters.retain(|c, _| unchanged.contains(c));
        state.docs.retain(|c, _| unchanged.contains(c));
        if reloaded.is_empty() && state.rosters.len() == before {
            return;
        }
        for (campaign, revision, roster, stored) in reloaded {
            state.rosters.insert(campaign.clone(), (revision, roster));
            state.docs.insert(campaign, stored);
        }
        state.by_endpoint = Access::by_endpoint(state.rosters.values().map(|(_, r)| r));
    }

    /// Re-read these campaigns' rosters if their files changed (one directory listing each).
    /// Run for a peer the index already knows, just before letting it in, so that a revocation
    /// made a moment ago by another process counts at once. Unknown peers never get here.
    pub fn refresh_campaigns<'a>(&self, campaigns: impl IntoIterator<Item = &'a CampaignId>) {
        let _one = self.refreshing.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut changed = Vec::new();
        {
            let state = self.read();
            for campaign in campaigns {
                let Ok(revision) = self.store.revision(DocKind::Roster, campaign.as_str()) else { continue };
                if state.rosters.get(campaign).is_none_or(|(known, _)| *known != revision) {
                    match self.reread(campaign, &state) {
                        Ok((stored, roster)) => changed.push((campaign.clone(), revision, roster, stored)),
                        Err(e) => warn!(%campaign, error = %e, "unreadable roster"),
                    }
                }
            }
        }
        if changed.is_empty() {
            return;
        }
        let mut state = self.state.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        for (campaign, revision, roster, stored) in changed {
            state.rosters.insert(campaign.clone(), (revision, roster));
            state.docs.insert(campaign, stored);
        }
        state.by_endpoint = Access::by_endpoint(state.rosters.values().map(|(_, r)| r));
    }

    /// Read again a roster whose files changed: from the copy held here, if any, loading only
    /// the files it lacks and reading only the candidates they touched; else from disk.
    fn reread(&self, campaign: &CampaignId, state: &State) -> Result<(StoredDoc, Roster), StoreError> {
        let (Some(held), Some((_, old))) = (state.docs.get(campaign), state.rosters.get(campaign)) else {
            return self.load(campaign);
        };
        let mut stored = held.clone();
        let before = stored.doc.get_heads();
        if let Err(e) = self.store.refresh(&mut stored) {
            debug!(%campaign, error = %e, "reading the roster's new files; reading all of it");
            return self.load(campaign);
        }
        let mut doc = RosterDoc::read_before(std::mem::take(&mut stored.doc));
        let roster = doc.read_since(&before, old).map_err(|source| StoreError::Doc {
            kind: DocKind::Roster,
            id: campaign.to_string(),
            source,
        })?;
        stored.doc = doc.into_automerge();
        Ok((stored, roster))
    }

    /// Load and read one roster, keeping its document.
    fn load(&self, campaign: &CampaignId) -> Result<(StoredDoc, Roster), StoreError> {
        let mut stored = self.store.load(DocKind::Roster, campaign.as_str())?;
        let (doc, roster) = RosterDoc::from_automerge_read(std::mem::take(&mut stored.doc))
            .map_err(|source| StoreError::Doc { kind: DocKind::Roster, id: campaign.to_string(), source })?;
        stored.doc = doc.into_automerge();
        Ok((stored, roster))
    }

    /// A copy of a roster's document and what it says, if the index holds it as it is on disk
    /// now (`files`: the roster's files, listed just before). `None`: load it.
    pub fn roster_copy(&self, campaign: &CampaignId, files: &[String]) -> Option<(StoredDoc, Roster)> {
        let state = self.read();
        let (known, roster) = state.rosters.get(campaign)?;
        let stored = state.docs.get(campaign)?;
        (known.as_slice() == files).then(|| (stored.clone(), roster.clone()))
    }

    /// A roster this process just saved, as it now is (`files_before`: its files before it was
    /// loaded for the change; `stored`: its document, saved), instead of reading it again.
    /// Ignored unless its files are now those plus exactly one (someone else saved meanwhile,
    /// or the save compacted): then the next refresh reads it.
    pub fn adopt_saved(&self, campaign: &CampaignId, files_before: &[String], roster: Roster, stored: StoredDoc) {
        let _one = self.refreshing.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let Ok(files) = self.store.revision(DocKind::Roster, campaign.as_str()) else { return };
        if files.len() != files_before.len() + 1 || !files_before.iter().all(|f| files.binary_search(f).is_ok()) {
            return;
        }
        let mut state = self.state.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        state.rosters.insert(campaign.clone(), (files, roster));
        state.docs.insert(campaign.clone(), stored);
        state.by_endpoint = Access::by_endpoint(state.rosters.values().map(|(_, r)| r));
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Refresh first if this process saved a roster since the last look (no disk otherwise).
    fn current(&self) -> std::sync::RwLockReadGuard<'_, State> {
        if self.read().saves != self.store.saves(DocKind::Roster) {
            self.refresh();
        }
        self.read()
    }

    /// What the peer with this endpoint id (hex) may do.
    pub fn access(&self, peer: &str) -> Access {
        self.current().by_endpoint.get(peer).cloned().unwrap_or_default()
    }

    /// The candidates of a campaign.
    pub fn candidates_of(&self, campaign: &CampaignId) -> Vec<CandidateId> {
        self.current()
            .rosters
            .get(campaign)
            .map(|(_, r)| {
                r.candidates.iter().filter(|c| c.state != InviteState::Deleted).map(|c| c.id.clone()).collect()
            })
            .unwrap_or_default()
    }

    /// One campaign's roster, as last read.
    pub fn roster(&self, campaign: &CampaignId) -> Option<Roster> {
        self.current().rosters.get(campaign).map(|(_, r)| r.clone())
    }

    /// The rosters of these campaigns, as last read.
    pub fn rosters(&self) -> Vec<Roster> {
        self.current().rosters.values().map(|(_, r)| r.clone()).collect()
    }

    /// Check a claim against the invite it names: the secret, revocation, and which computer it
    /// is bound to. Memory only.
    pub fn check_claim(&self, peer: &str, claim: &Claim, now: Timestamp) -> Result<ClaimCheck, ClaimError> {
        self.check_claim_in_memory(peer, claim, now)
    }

    /// Refreshes asked for by claims so far: pass it to [`RosterIndex::refresh_after`].
    pub fn forced_refreshes(&self) -> u64 {
        self.forced_count.load(Ordering::SeqCst)
    }

    /// Make sure a refresh ran after `seen` (a value of [`RosterIndex::forced_refreshes`]), for a
    /// claim naming an invite issued a moment ago by another process. Refreshes run at most
    /// once a second; everyone waiting meanwhile shares the next one.
    pub async fn refresh_after(&self, seen: u64) {
        let mut last = self.forced.lock().await;
        if self.forced_count.load(Ordering::SeqCst) > seen {
            return;
        }
        if let Some(t) = *last {
            tokio::time::sleep(FORCED_REFRESH_EVERY.saturating_sub(t.elapsed())).await;
        }
        self.refresh();
        *last = Some(Instant::now());
        self.forced_count.fetch_add(1, Ordering::SeqCst);
    }

    fn check_claim_in_memory(&self, peer: &str, claim: &Claim, now: Timestamp) -> Result<ClaimCheck, ClaimError> {
        let state = self.current();
        let (_, roster) = state.rosters.get(&claim.campaign).ok_or(ClaimError::Unknown)?;
        if let Invitee::Hub(id) = &claim.invitee
            && roster.hub(id).is_some_and(|h| hub_invite_expired(h, now))
        {
            return Err(ClaimError::Refused(Refusal(HUB_INVITE_EXPIRED.into())));
        }
        let entry = match &claim.invitee {
            Invitee::Candidate(id) => roster.candidate(id).map(|c| (c.state, &c.secret_hash, &c.endpoint)),
            Invitee::Reviewer(id) => roster.reviewer(id).map(|r| (r.state, &r.secret_hash, &r.endpoint)),
            Invitee::Hub(id) => roster.hub(id).map(|h| (h.state, &h.secret_hash, &h.endpoint)),
        };
        let (invite_state, secret_hash, endpoint) = entry.ok_or(ClaimError::Unknown)?;
        check_entry(
            peer,
            &Ticket::secret_hash(&claim.secret),
            invite_state,
            secret_hash.as_deref(),
            endpoint.as_deref(),
        )
        .map_err(ClaimError::Refused)
    }
}

/// The refusal a deleted candidate's node gets (the client also receives `Msg::Deleted`).
pub const DELETED_REASON: &str = "this submission was deleted by the employer side";

/// Whether `peer` may use the invite with this roster entry, given the hash of the secret it sent.
pub fn check_entry(
    peer: &str,
    sent_hash: &str,
    state: InviteState,
    secret_hash: Option<&str>,
    endpoint: Option<&str>,
) -> Result<ClaimCheck, Refusal> {
    if secret_hash != Some(sent_hash) {
        return Err(Refusal("this invite's secret does not match: use the ticket exactly as you received it".into()));
    }
    if state == InviteState::Revoked {
        return Err(Refusal("this invite was withdrawn by the employer".into()));
    }
    if state == InviteState::Deleted {
        return Err(Refusal(DELETED_REASON.into()));
    }
    match endpoint {
        Some(bound) if bound == peer => Ok(ClaimCheck::Bound),
        Some(_) => {
            Err(Refusal("this invite was already used on another computer; ask the employer for a new one".into()))
        }
        None => Ok(ClaimCheck::Unbound),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unused_hub_invites_expire_after_a_day() {
        let invited = Timestamp(1_000_000_000);
        let hub = crate::doc::Hub {
            id: crate::ids::HubId::random(),
            name: "Office".into(),
            state: InviteState::Invited,
            invited_at: invited,
            secret_hash: None,
            endpoint: None,
            addrs: vec![],
            relay_url: None,
            invited_by: None,
        };
        assert!(!hub_invite_expired(&hub, invited.plus_secs(HUB_INVITE_TTL_SECS)));
        assert!(hub_invite_expired(&hub, invited.plus_secs(HUB_INVITE_TTL_SECS + 1)), "one second more");
        let joined = crate::doc::Hub { endpoint: Some("node".into()), state: InviteState::Joined, ..hub };
        assert!(!hub_invite_expired(&joined, invited.plus_secs(10 * HUB_INVITE_TTL_SECS)), "a used invite stays");
    }

    #[test]
    fn claims_are_checked_against_the_entry() {
        type Case<'a> = (&'a str, InviteState, Option<&'a str>, Option<&'a str>, Result<ClaimCheck, &'a str>);
        let h = Ticket::secret_hash(&[7; 16]);
        let cases: Vec<Case> = vec![
            ("fresh invite", InviteState::Invited, Some(h.as_str()), None, Ok(ClaimCheck::Unbound)),
            ("same computer again", InviteState::Joined, Some(h.as_str()), Some("me"), Ok(ClaimCheck::Bound)),
            ("wrong secret", InviteState::Invited, Some("other"), None, Err("does not match")),
            ("no secret on file", InviteState::Invited, None, None, Err("does not match")),
            ("revoked", InviteState::Revoked, Some(h.as_str()), None, Err("withdrawn")),
            ("another computer", InviteState::Joined, Some(h.as_str()), Some("them"), Err("another computer")),
        ];
        for (name, state, secret, endpoint, expected) in cases {
            let got = check_entry("me", &h, state, secret, endpoint);
            match expected {
                Ok(c) => assert_eq!(got, Ok(c), "{name}"),
                Err(why) => assert!(got.as_ref().is_err_and(|r| r.0.contains(why)), "{name}: {got:?}"),
            }
        }
    }
}
