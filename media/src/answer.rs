//! The answer state machine: one question, from think time to a kept take. Sans-I/O: it takes
//! events and the time (milliseconds on any monotonic clock, so tests can fake it) and returns
//! the actions the I/O shell must perform (start or stop the recorder). It never blocks, sleeps
//! or touches a device.
//!
//! ```text
//! Preparing (think countdown) --start now / think time over--> Recording (hard limit)
//! Recording --stop / limit reached / recorder failed--> Reviewing (takes so far)
//! Reviewing --retake (while takes remain)--> Preparing
//! Reviewing --keep take n--> Done
//! Text questions: Preparing --> Writing (optional limit) --> Done
//! ```

/// The rules of one question, with the candidate's accommodations already applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    pub think_secs: u32,
    /// Limit of one take (text: writing time; 0 = no limit for text).
    pub answer_limit_secs: u32,
    /// Takes allowed, the first included (at least 1).
    pub max_takes: u32,
    pub text: bool,
    /// A practice question: its result is never submitted.
    pub practice: bool,
}

/// The last seconds of a take in which the candidate is warned.
pub const WARNING_SECS: u64 = 10;

/// Why a take ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// The candidate pressed Stop.
    Stopped,
    /// The answer time limit was reached.
    TimeLimit,
    /// The recorder failed (e.g. the disk is full); what was written is kept.
    Failed(String),
}

/// A recorded take.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TakeInfo {
    /// 1 for the first take.
    pub number: u32,
    pub duration_ms: u64,
    pub stop: StopReason,
}

/// What the candidate (or the shell) did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Skip the rest of the think time.
    StartNow,
    /// Stop recording.
    Stop,
    /// The recorder failed mid-take.
    RecorderFailed(String),
    /// Record again (while takes remain).
    Retake,
    /// Keep this take as the answer.
    Keep(u32),
    /// Hand in the written answer.
    SubmitText(String),
}

/// What the I/O shell must do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    StartRecording {
        take: u32,
    },
    StopRecording {
        take: u32,
        reason: StopReason,
    },
    /// The question is answered (not emitted for practice questions' takes to be submitted;
    /// see [`Rules::practice`]).
    Answered(Outcome),
}

/// The final answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Take(TakeInfo),
    Text(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum State {
    Preparing { until_ms: u64 },
    Recording { take: u32, started_ms: u64 },
    Reviewing,
    Writing { started_ms: u64 },
    Done(Outcome),
}

/// A refused event: it does not fit the current state. Nothing changed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("{event} is not possible while {state}")]
    NotNow { event: &'static str, state: &'static str },
    #[error("no takes left ({max} allowed)")]
    NoTakesLeft { max: u32 },
    #[error("there is no take {0}")]
    NoSuchTake(u32),
}

/// What the UI shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    pub phase: Phase,
    /// Seconds left in the current countdown (think time, take limit or writing limit), rounded up.
    pub remaining_secs: Option<u64>,
    /// In the last [`WARNING_SECS`] of a take.
    pub warning: bool,
    pub takes_used: u32,
    pub takes_left: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Preparing,
    Recording,
    Reviewing,
    Writing,
    Done,
}

/// One question being answered.
#[derive(Clone, Debug)]
pub struct AnswerMachine {
    rules: Rules,
    state: State,
    takes: Vec<TakeInfo>,
}

impl AnswerMachine {
    /// Start answering at `now_ms`: the think time begins.
    pub fn new(rules: Rules, now_ms: u64) -> Self {
        let rules = Rules { max_takes: rules.max_takes.max(1), ..rules };
        AnswerMachine {
            rules,
            state: State::Preparing { until_ms: now_ms + u64::from(rules.think_secs) * 1000 },
            takes: Vec::new(),
        }
    }

    /// Resume a question whose takes already exist (e.g. recovered after a crash): the
    /// candidate reviews them and keeps one, or retakes while takes remain.
    pub fn reviewing(rules: Rules, takes: Vec<TakeInfo>) -> Self {
        let rules = Rules { max_takes: rules.max_takes.max(1), ..rules };
        AnswerMachine { rules, state: State::Reviewing, takes }
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The takes recorded so far.
    pub fn takes(&self) -> &[TakeInfo] {
        &self.takes
    }

    fn takes_left(&self) -> u32 {
        self.rules.max_takes.saturating_sub(self.takes.len() as u32)
    }

    fn limit_ms(&self) -> u64 {
        u64::from(self.rules.answer_limit_secs) * 1000
    }

    fn state_name(&self) -> &'static str {
        match self.state {
            State::Preparing { .. } => "preparing",
            State::Recording { .. } => "recording",
            State::Reviewing => "reviewing a take",
            State::Writing { .. } => "writing",
            State::Done(_) => "done",
        }
    }

    fn begin_answer(&mut self, now_ms: u64) -> Vec<Action> {
        if self.rules.text {
            self.state = State::Writing { started_ms: now_ms };
            Vec::new()
        } else {
            let take = self.takes.len() as u32 + 1;
            self.state = State::Recording { take, started_ms: now_ms };
            vec![Action::StartRecording { take }]
        }
    }

    fn end_take(&mut self, take: u32, duration_ms: u64, reason: StopReason) -> Vec<Action> {
        self.takes.push(TakeInfo { number: take, duration_ms, stop: reason.clone() });
        self.state = State::Reviewing;
        vec![Action::StopRecording { take, reason }]
    }

    /// Let time pass: think time ends in a recording, a take ends at its limit, writing ends at
    /// its limit. Call it often (each UI frame or timer tick).
    pub fn tick(&mut self, now_ms: u64) -> Vec<Action> {
        match self.state.clone() {
            State::Preparing { until_ms } if now_ms >= until_ms => self.begin_answer(until_ms),
            State::Recording { take, started_ms } if now_ms >= started_ms + self.limit_ms() => {
                self.end_take(take, self.limit_ms(), StopReason::TimeLimit)
            }
            // Writing ends when the shell hands in the text (see `writing_time_over`).
            _ => Vec::new(),
        }
    }

    /// Whether the writing time is over (text questions with a limit); the shell then submits
    /// what was written with [`Event::SubmitText`].
    pub fn writing_time_over(&self, now_ms: u64) -> bool {
        matches!(self.state, State::Writing { started_ms } if self.rules.answer_limit_secs > 0 && now_ms >= started_ms + self.limit_ms())
    }

    /// Apply an event at `now_ms`. Time-based transitions due by then happen first.
    pub fn handle(&mut self, event: Event, now_ms: u64) -> Result<Vec<Action>, AnswerError> {
        let mut actions = self.tick(now_ms);
        let not_now = |m: &Self, event: &'static str| AnswerError::NotNow { event, state: m.state_name() };
        match (&self.state, event) {
            (State::Preparing { .. }, Event::StartNow) => actions.extend(self.begin_answer(now_ms)),
            (State::Recording { take, started_ms }, Event::Stop) => {
                let (take, duration) = (*take, now_ms.saturating_sub(*started_ms).min(self.limit_ms()));
                actions.extend(self.end_take(take, duration, StopReason::Stopped));
            }
            (State::Recording { take, started_ms }, Event::RecorderFailed(why)) => {
                let (take, duration) = (*take, now_ms.saturating_sub(*started_ms).min(self.limit_ms()));
                actions.extend(self.end_take(take, duration, StopReason::Failed(why)));
            }
            (State::Reviewing, Event::Retake) => {
                if self.takes_left() == 0 {
                    return Err(AnswerError::NoTakesLeft { max: self.rules.max_takes });
                }
                self.state = State::Preparing { until_ms: now_ms + u64::from(self.rules.think_secs) * 1000 };
            }
            (State::Reviewing, Event::Keep(n)) => {
                let take = self.takes.iter().find(|t| t.number == n).cloned().ok_or(AnswerError::NoSuchTake(n))?;
                let outcome = Outcome::Take(take);
                self.state = State::Done(outcome.clone());
                actions.push(Action::Answered(outcome));
            }
            (State::Writing { .. }, Event::SubmitText(text)) => {
                let outcome = Outcome::Text(text);
                self.state = State::Done(outcome.clone());
                actions.push(Action::Answered(outcome));
            }
            (_, Event::StartNow) => return Err(not_now(self, "starting now")),
            (_, Event::Stop) => return Err(not_now(self, "stopping")),
            (_, Event::RecorderFailed(_)) => return Err(not_now(self, "a recorder failure")),
            (_, Event::Retake) => return Err(not_now(self, "a retake")),
            (_, Event::Keep(_)) => return Err(not_now(self, "keeping a take")),
            (_, Event::SubmitText(_)) => return Err(not_now(self, "handing in text")),
        }
        Ok(actions)
    }

    /// What to show at `now_ms` (does not advance the machine; call [`Self::tick`] for that).
    pub fn view(&self, now_ms: u64) -> View {
        let secs_until = |end_ms: u64| end_ms.saturating_sub(now_ms).div_ceil(1000);
        let (phase, remaining_secs, warning) = match &self.state {
            State::Preparing { until_ms } => (Phase::Preparing, Some(secs_until(*until_ms)), false),
            State::Recording { started_ms, .. } => {
                let left = secs_until(started_ms + self.limit_ms());
                (Phase::Recording, Some(left), left <= WARNING_SECS)
            }
            State::Reviewing => (Phase::Reviewing, None, false),
            State::Writing { started_ms } => {
                let left = (self.rules.answer_limit_secs > 0).then(|| secs_until(started_ms + self.limit_ms()));
                (Phase::Writing, left, false)
            }
            State::Done(_) => (Phase::Done, None, false),
        };
        View { phase, remaining_secs, warning, takes_used: self.takes.len() as u32, takes_left: self.takes_left() }
    }

    /// The kept answer, once done.
    pub fn outcome(&self) -> Option<&Outcome> {
        match &self.state {
            State::Done(o) => Some(o),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIDEO: Rules = Rules { think_secs: 30, answer_limit_secs: 60, max_takes: 2, text: false, practice: false };

    fn stopped(take: u32, duration_ms: u64) -> TakeInfo {
        TakeInfo { number: take, duration_ms, stop: StopReason::Stopped }
    }

    #[test]
    fn think_time_runs_out_into_a_recording() {
        let mut m = AnswerMachine::new(VIDEO, 1_000);
        assert_eq!(m.view(1_000).remaining_secs, Some(30));
        assert_eq!(m.view(30_500).remaining_secs, Some(1), "rounded up");
        assert!(m.tick(30_999).is_empty());
        assert_eq!(m.tick(31_000), vec![Action::StartRecording { take: 1 }]);
        assert_eq!(m.view(31_000).phase, Phase::Recording);
    }

    #[test]
    fn start_now_skips_the_think_time() {
        let mut m = AnswerMachine::new(VIDEO, 0);
        assert_eq!(m.handle(Event::StartNow, 2_000), Ok(vec![Action::StartRecording { take: 1 }]));
        assert_eq!(m.view(2_000).remaining_secs, Some(60));
    }

    #[test]
    fn hard_stop_at_the_limit_with_a_warning_before() {
        let mut m = AnswerMachine::new(VIDEO, 0);
        m.handle(Event::StartNow, 0).expect("start");
        assert!(!m.view(49_999).warning);
        assert!(m.view(50_000).warning, "warned in the last 10 s");
        assert_eq!(m.tick(60_000), vec![Action::StopRecording { take: 1, reason: StopReason::TimeLimit }]);
        assert_eq!(m.takes(), &[TakeInfo { number: 1, duration_ms: 60_000, stop: StopReason::TimeLimit }]);
        // A late tick (the app was busy) still records exactly the limit.
        let mut late = AnswerMachine::new(VIDEO, 0);
        late.handle(Event::StartNow, 0).expect("start");
        late.tick(75_000);
        assert_eq!(late.takes()[0].duration_ms, 60_000);
    }

    #[test]
    fn retake_then_keep_the_first_take() {
        let mut m = AnswerMachine::new(VIDEO, 0);
        m.handle(Event::StartNow, 0).expect("start");
        m.handle(Event::Stop, 20_000).expect("stop");
        assert_eq!(
            m.view(20_000),
            View { phase: Phase::Reviewing, remaining_secs: None, warning: false, takes_used: 1, takes_left: 1 }
        );
        m.handle(Event::Retake, 21_000).expect("retake");
        assert_eq!(m.view(21_000).phase, Phase::Preparing);
        assert_eq!(m.handle(Event::StartNow, 22_000), Ok(vec![Action::StartRecording { take: 2 }]));
        m.handle(Event::Stop, 32_000).expect("stop");
        assert_eq!(m.handle(Event::Retake, 33_000), Err(AnswerError::NoTakesLeft { max: 2 }), "out of takes");
        let actions = m.handle(Event::Keep(1), 34_000).expect("keep");
        assert_eq!(actions, vec![Action::Answered(Outcome::Take(stopped(1, 20_000)))]);
        assert_eq!(m.view(34_000).phase, Phase::Done);
        assert_eq!(
            m.handle(Event::Keep(2), 35_000),
            Err(AnswerError::NotNow { event: "keeping a take", state: "done" })
        );
    }

    #[test]
    fn recorder_failure_keeps_what_was_written() {
        let mut m = AnswerMachine::new(VIDEO, 0);
        m.handle(Event::StartNow, 0).expect("start");
        let actions = m.handle(Event::RecorderFailed("disk full".into()), 12_000).expect("failure");
        assert_eq!(actions, vec![Action::StopRecording { take: 1, reason: StopReason::Failed("disk full".into()) }]);
        assert_eq!(m.takes()[0].duration_ms, 12_000);
        assert_eq!(m.view(12_000).phase, Phase::Reviewing, "the take can still be kept or retaken");
    }

    #[test]
    fn text_questions_skip_recording() {
        let rules = Rules { think_secs: 5, answer_limit_secs: 120, max_takes: 1, text: true, practice: false };
        let mut m = AnswerMachine::new(rules, 0);
        assert!(m.tick(5_000).is_empty(), "no recorder for text");
        assert_eq!(m.view(5_000).phase, Phase::Writing);
        assert_eq!(m.view(5_000).remaining_secs, Some(120));
        assert!(!m.writing_time_over(124_999));
        assert!(m.writing_time_over(125_000));
        assert_eq!(m.handle(Event::Stop, 6_000), Err(AnswerError::NotNow { event: "stopping", state: "writing" }));
        let actions = m.handle(Event::SubmitText("Hello".into()), 7_000).expect("text");
        assert_eq!(actions, vec![Action::Answered(Outcome::Text("Hello".into()))]);
        assert_eq!(m.outcome(), Some(&Outcome::Text("Hello".into())));
    }

    /// Every event in every state: either a defined transition or a refusal, never a panic.
    #[test]
    fn every_event_in_every_state_is_handled() {
        let events = || {
            vec![
                Event::StartNow,
                Event::Stop,
                Event::RecorderFailed("x".into()),
                Event::Retake,
                Event::Keep(1),
                Event::SubmitText("t".into()),
            ]
        };
        for rules in [VIDEO, Rules { text: true, ..VIDEO }, Rules { max_takes: 0, ..VIDEO }] {
            let mut reachable = vec![AnswerMachine::new(rules, 0)];
            for _ in 0..4 {
                let mut next = Vec::new();
                for m in &reachable {
                    for e in events() {
                        let mut copy = m.clone();
                        if copy.handle(e, 1_000).is_ok() {
                            next.push(copy);
                        }
                    }
                }
                reachable.extend(next);
                reachable.truncate(200);
            }
            assert!(reachable.iter().any(|m| m.outcome().is_some()), "an answer is reachable");
            assert!(
                reachable.iter().all(|m| m.view(1_000).takes_used <= rules.max_takes.max(1)),
                "never more takes than allowed"
            );
        }
    }

    #[test]
    fn practice_rules_are_carried() {
        let m = AnswerMachine::new(Rules { practice: true, ..VIDEO }, 0);
        assert!(m.rules().practice);
    }
}
