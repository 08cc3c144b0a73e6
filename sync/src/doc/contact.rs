//! The Contact document: one per invited candidate, holding the only personal data the employer
//! side keeps about them (name and email). Employer side only, and kept apart from the roster on
//! purpose: an Automerge document keeps every value it ever held in its history, so personal
//! data can only be deleted by deleting a whole document. Deleting a candidate removes this
//! document (with their submission and reviews) from every replica; the roster keeps only ids.
//! It is also what blind review withholds: reviewers of a blind campaign never receive it.

use automerge::{AutoCommit, ROOT};

use super::DocError;
use super::fields::{check_header, opt_str, parse_enum, put_if_changed, put_opt_str, req_str, write_header};
use crate::ids::{CampaignId, CandidateId};

const KIND: &str = "contact";

/// A candidate's personal data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub campaign_id: CampaignId,
    pub candidate_id: CandidateId,
    pub name: String,
    pub email: Option<String>,
}

/// A contact held as an Automerge document.
#[derive(Debug)]
pub struct ContactDoc {
    doc: AutoCommit,
}

impl ContactDoc {
    pub fn create(contact: &Contact) -> Result<Self, DocError> {
        let mut doc = AutoCommit::new();
        write_header(&mut doc, KIND)?;
        put_if_changed(&mut doc, &ROOT, "campaign_id", contact.campaign_id.as_str())?;
        put_if_changed(&mut doc, &ROOT, "candidate_id", contact.candidate_id.as_str())?;
        let mut this = Self { doc };
        this.update(contact)?;
        Ok(this)
    }

    pub fn from_automerge(doc: AutoCommit) -> Result<Self, DocError> {
        check_header(&doc, KIND)?;
        let this = Self { doc };
        this.read()?;
        Ok(this)
    }

    pub fn into_automerge(self) -> AutoCommit {
        self.doc
    }

    pub fn read(&self) -> Result<Contact, DocError> {
        let d = &self.doc;
        Ok(Contact {
            campaign_id: parse_enum(&req_str(d, &ROOT, "campaign_id", "")?, "", "campaign_id")?,
            candidate_id: parse_enum(&req_str(d, &ROOT, "candidate_id", "")?, "", "candidate_id")?,
            name: req_str(d, &ROOT, "name", "")?,
            email: opt_str(d, &ROOT, "email", "")?,
        })
    }

    /// Change the name and email (the ids never change).
    pub fn update(&mut self, contact: &Contact) -> Result<(), DocError> {
        put_if_changed(&mut self.doc, &ROOT, "name", contact.name.as_str())?;
        put_opt_str(&mut self.doc, &ROOT, "email", contact.email.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_checks_its_kind() {
        let contact = Contact {
            campaign_id: CampaignId::random(),
            candidate_id: CandidateId::random(),
            name: "Ada Lovelace".into(),
            email: Some("ada@example.org".into()),
        };
        let doc = ContactDoc::create(&contact).expect("create");
        let bytes = doc.into_automerge().save();
        let loaded = ContactDoc::from_automerge(AutoCommit::load(&bytes).expect("load")).expect("a contact");
        assert_eq!(loaded.read().expect("read"), contact);
        let other = super::super::RosterDoc::create(&contact.campaign_id).expect("roster").into_automerge();
        assert!(matches!(ContactDoc::from_automerge(other), Err(DocError::WrongKind { .. })));
    }
}
