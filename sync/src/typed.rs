//! Typed access to the store's documents: load a campaign, roster, submission or reviews as
//! plain data, and create a campaign with its roster in one step.

use automerge::AutoCommit;

use crate::doc::{
    Campaign, CampaignDoc, Contact, ContactDoc, DocError, Review, Reviews, ReviewsDoc, Roster, RosterDoc, Scorecard,
    ScorecardDoc, Submission, SubmissionDoc,
};
use crate::ids::{CampaignId, CandidateId};
use crate::store::{DocKind, Store, StoreError};

fn typed<T>(
    kind: DocKind,
    id: &str,
    f: impl FnOnce(AutoCommit) -> Result<T, DocError>,
    doc: AutoCommit,
) -> Result<T, StoreError> {
    f(doc).map_err(|source| StoreError::Doc { kind, id: id.to_owned(), source })
}

impl Store {
    /// Create a campaign document and its (empty) roster.
    pub fn create_campaign(&self, campaign: &Campaign) -> Result<(), StoreError> {
        let id = campaign.id.as_str();
        let doc = CampaignDoc::create(campaign).map_err(|source| StoreError::Doc {
            kind: DocKind::Campaign,
            id: id.to_owned(),
            source,
        })?;
        let roster = RosterDoc::create(&campaign.id).map_err(|source| StoreError::Doc {
            kind: DocKind::Roster,
            id: id.to_owned(),
            source,
        })?;
        // The roster first: a campaign without its roster would be a half-created campaign.
        self.create(DocKind::Roster, id, roster.into_automerge())?;
        self.create(DocKind::Campaign, id, doc.into_automerge())?;
        Ok(())
    }

    pub fn campaign(&self, id: &CampaignId) -> Result<Campaign, StoreError> {
        let stored = self.load(DocKind::Campaign, id.as_str())?;
        typed(DocKind::Campaign, id.as_str(), |d| CampaignDoc::from_automerge(d)?.read(), stored.doc)
    }

    /// Every readable campaign, newest first, and the errors of those that are not.
    pub fn campaigns(&self) -> Result<(Vec<Campaign>, Vec<StoreError>), StoreError> {
        let mut ok = Vec::new();
        let mut bad = Vec::new();
        for id in self.list(DocKind::Campaign)? {
            match id.parse::<CampaignId>() {
                Ok(cid) => match self.campaign(&cid) {
                    Ok(c) => ok.push(c),
                    Err(e) => bad.push(e),
                },
                Err(_) => bad.push(StoreError::NotFound { kind: DocKind::Campaign, id }),
            }
        }
        ok.sort_by(|a: &Campaign, b| b.created_at.cmp(&a.created_at).then(a.id.cmp(&b.id)));
        Ok((ok, bad))
    }

    /// The campaign whose id is `prefix` or starts with it, if exactly one does.
    pub fn resolve_campaign(&self, prefix: &str) -> Result<CampaignId, StoreError> {
        let ids: Vec<String> = self.list(DocKind::Campaign)?.into_iter().filter(|id| id.starts_with(prefix)).collect();
        match ids.as_slice() {
            [one] => one.parse().map_err(|_| StoreError::NotFound { kind: DocKind::Campaign, id: prefix.to_owned() }),
            _ if ids.iter().any(|id| id == prefix) => {
                prefix.parse().map_err(|_| StoreError::NotFound { kind: DocKind::Campaign, id: prefix.to_owned() })
            }
            [] => Err(StoreError::NotFound { kind: DocKind::Campaign, id: prefix.to_owned() }),
            _ => Err(StoreError::Ambiguous { prefix: prefix.to_owned(), matches: ids }),
        }
    }

    /// A campaign's roster, with each candidate's name and email from their Contact document
    /// where this node holds it (an alias otherwise: blind review, or deleted).
    /// On a reviewer's computer, a blind campaign shows aliases even for contacts received
    /// before the employer made it blind.
    pub fn roster(&self, campaign: &CampaignId) -> Result<Roster, StoreError> {
        let mut roster = self.roster_ids(campaign)?;
        if self.is_blind_for_me(campaign) {
            return Ok(roster);
        }
        for c in &mut roster.candidates {
            if let Ok(contact) = self.contact(&c.id) {
                c.name = contact.name;
                c.email = contact.email;
            }
        }
        Ok(roster)
    }

    /// Whether this computer reviews `campaign` blind (a reviewer's, and the campaign is blind).
    pub fn is_blind_for_me(&self, campaign: &CampaignId) -> bool {
        let reviewer = self.memberships().is_ok_and(|m| {
            m.iter().any(|t| &t.campaign == campaign && matches!(t.invitee, crate::ticket::Invitee::Reviewer(_)))
        });
        reviewer && self.campaign(campaign).is_ok_and(|c| c.blind_review)
    }

    /// A campaign's roster as the document holds it: ids and invite states, no contacts.
    pub fn roster_ids(&self, campaign: &CampaignId) -> Result<Roster, StoreError> {
        let stored = self.load(DocKind::Roster, campaign.as_str())?;
        typed(
            DocKind::Roster,
            campaign.as_str(),
            |d| RosterDoc::from_automerge_read(d).map(|(_, roster)| roster),
            stored.doc,
        )
    }

    pub fn contact(&self, candidate: &CandidateId) -> Result<Contact, StoreError> {
        let stored = self.load(DocKind::Contact, candidate.as_str())?;
        typed(DocKind::Contact, candidate.as_str(), |d| ContactDoc::from_automerge(d)?.read(), stored.doc)
    }

    /// Create or change a candidate's name and email.
    pub fn put_contact(&self, contact: &Contact) -> Result<(), StoreError> {
        let id = contact.candidate_id.as_str();
        let err = |source| StoreError::Doc { kind: DocKind::Contact, id: id.to_owned(), source };
        match self.load(DocKind::Contact, id) {
            Ok(mut stored) => {
                let mut doc = ContactDoc::from_automerge(std::mem::take(&mut stored.doc)).map_err(err)?;
                doc.update(contact).map_err(err)?;
                stored.doc = doc.into_automerge();
                self.save(&mut stored)
            }
            Err(StoreError::NotFound { .. }) => self
                .create(DocKind::Contact, id, ContactDoc::create(contact).map_err(err)?.into_automerge())
                .map(|_| ()),
            Err(e) => Err(e),
        }
    }

    pub fn submission(&self, candidate: &CandidateId) -> Result<Submission, StoreError> {
        let stored = self.load(DocKind::Submission, candidate.as_str())?;
        typed(DocKind::Submission, candidate.as_str(), |d| SubmissionDoc::from_automerge(d)?.read(), stored.doc)
    }

    /// The submission of the candidate a ticket invites (`None` for reviewer tickets, or
    /// before the first sync).
    pub fn submission_of(&self, ticket: &crate::ticket::Ticket) -> Result<Option<Submission>, StoreError> {
        match &ticket.invitee {
            crate::ticket::Invitee::Candidate(id) => match self.submission(id) {
                Ok(s) => Ok(Some(s)),
                Err(StoreError::NotFound { .. }) => Ok(None),
                Err(e) => Err(e),
            },
            crate::ticket::Invitee::Reviewer(_) | crate::ticket::Invitee::Hub(_) => Ok(None),
        }
    }

    /// A submission's reviews: comments and recommendations from the Reviews document, scores
    /// and their submission from the scorecards held here (a reviewer's computer holds the
    /// others' only once its own is submitted). Scores written into the Reviews document before
    /// scorecards existed are kept for reviewers who have no scorecard (until the employer's
    /// node moves them into scorecards: `crate::legacy`). Another reviewer's `submitted_at`
    /// without their scorecard is their mark in the Reviews document.
    pub fn reviews(&self, candidate: &CandidateId) -> Result<Reviews, StoreError> {
        let stored = self.load(DocKind::Reviews, candidate.as_str())?;
        let mut reviews =
            typed(DocKind::Reviews, candidate.as_str(), |d| ReviewsDoc::from_automerge(d)?.read(), stored.doc)?;
        for card in self.scorecards(candidate)? {
            let review = reviews
                .by_reviewer
                .entry(card.reviewer_id)
                .or_insert_with(|| Review { reviewer_name: card.reviewer_name.clone(), ..Review::default() });
            if review.reviewer_name.is_empty() {
                review.reviewer_name = card.reviewer_name;
            }
            review.scores = card.scores;
            review.submitted_at = card.submitted_at;
        }
        Ok(reviews)
    }

    /// One reviewer's scorecard of a submission.
    pub fn scorecard(
        &self,
        candidate: &CandidateId,
        reviewer: &crate::ids::ReviewerId,
    ) -> Result<Scorecard, StoreError> {
        let id = crate::ids::scorecard_id(candidate, reviewer);
        let stored = self.load(DocKind::Scorecard, &id)?;
        typed(DocKind::Scorecard, &id, |d| ScorecardDoc::from_automerge(d)?.read(), stored.doc)
    }

    /// The scorecards of a submission held here; one that cannot be read is left out (and
    /// logged), so that one damaged scorecard does not hide the others.
    pub fn scorecards(&self, candidate: &CandidateId) -> Result<Vec<Scorecard>, StoreError> {
        let mut cards = Vec::new();
        for id in self.scorecards_of(candidate.as_str())? {
            let Some((_, reviewer)) = crate::ids::parse_scorecard_id(&id) else { continue };
            match self.scorecard(candidate, &reviewer) {
                Ok(card) if card.candidate_id == *candidate && card.reviewer_id == reviewer => cards.push(card),
                Ok(_) => tracing::warn!(id, "a scorecard names another candidate or reviewer than its id; ignored"),
                Err(StoreError::NotFound { .. }) => {}
                Err(e) => tracing::warn!(id, error = %e, "a scorecard could not be read; ignored"),
            }
        }
        Ok(cards)
    }
}
