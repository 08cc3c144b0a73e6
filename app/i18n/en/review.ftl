# The employer's and reviewer's screens (app/src/gui/review).
# $verdict is always the code advance, hold or reject; $state the code invited, joined or revoked
# (other languages choose their word with a selector on it).

## The frame: status bar, toasts, campaign list, tabs.
# $reachability: one of the rev-reach-* messages below.
rev-node-employer = Employer node { $id }: { $reachability } - { $peers } connected - { $transfers ->
    [one] 1 transfer
   *[other] { $transfers } transfers
}
rev-node-reviewer = Reviewer node { $id }: { $reachability } - { $peers } connected - { $transfers ->
    [one] 1 transfer
   *[other] { $transfers } transfers
}
rev-node-starting = starting
rev-reach-offline = offline
# $addresses: the node's IP addresses and ports, comma separated.
rev-reach-direct = direct ({ $addresses })
rev-reach-direct-and-relay = direct ({ $addresses }) and via relay { $relay }
rev-reach-employer = connected to the employer
# $path: how the employer was reached, as the network layer says it (direct or via a relay).
rev-reach-employer-via = connected to the employer, { $path }
rev-node-failed = { $error }. Reading works; receiving and sending do not.
rev-toast-new-submission = New submission from { $name }
rev-toast-new-message = New message from { $name }
rev-campaigns = Campaigns
rev-new-campaign = New campaign
# Under a campaign's title in the list.
rev-campaign-counts = { $candidates ->
    [one] 1 candidate
   *[other] { $candidates } candidates
}, { $submitted } submitted
rev-no-campaign = No campaign yet. Create one with "New campaign".
rev-tab-candidates = Candidates
rev-tab-invites = Invites
rev-tab-campaign = Campaign

## Joining as a reviewer.
rev-join-heading = Join as a reviewer
rev-join-explain = Paste the reviewer ticket the employer sent you (it starts with "pvreview1").
rev-join-ticket = Reviewer ticket
rev-join = Join
rev-joined = Joined: the campaign's submissions are arriving
rev-error-not-reviewer-ticket = this is not a reviewer ticket

## The inbox.
rev-filter = Filter
rev-sort-by = Sort by
rev-sort-name = name
rev-sort-status = status
rev-sort-submitted = submitted
rev-no-candidates = No candidates yet. Invite some in the Invites tab.
rev-new-messages = { $count ->
    [one] 1 new message
   *[other] { $count } new messages
}
rev-open-requests = { $count ->
    [one] 1 open request
   *[other] { $count } open requests
}
# The average score; $mean has one decimal.
rev-average-of-five = { $mean } / 5
rev-review-candidate = Review { $name }
rev-state-invited = invited
rev-state-joined = joined
rev-state-revoked = revoked
rev-state-deleted = deleted
rev-status-decided = decided: { $verdict }
rev-status-receiving = receiving { $percent }%
rev-status-viewed = viewed
rev-status-complete = complete
rev-status-in-progress = in progress ({ $answered } of { $questions })

## Invites.
rev-invite-candidate = Invite a candidate
rev-invite-name = Name
rev-invite-email = Email
rev-invite = Invite
rev-invite-several = Invite several (CSV: name, email per line)
rev-invite-csv = Candidates as CSV
rev-invite-all = Invite all
rev-csv-empty = the CSV lists nobody
rev-csv-no-name = line { $line }: the name is empty
rev-csv-bad-email = line { $line }: "{ $email }" is not an email address
rev-reviewer-name = Reviewer name
rev-invite-reviewer = Invite reviewer
rev-new-tickets = New tickets: send each to its person
rev-ticket-of-reviewer = { $name } (reviewer)
rev-copy-ticket = Copy ticket for { $name }
rev-ticket-copied = Ticket for { $name } copied
rev-copy-link = Copy link for { $name }
rev-link-copied = Link for { $name } copied: it opens Peerview on the invite
rev-email-invite = Email invite to { $name }
rev-mail-draft-opens = A draft to { $name } opens in your mail program
rev-mail-program-failed = Could not open your mail program ({ $error }); use Copy link
rev-drafts-folder = Email drafts folder
rev-save-drafts = Save email drafts (.eml)
rev-drafts-default-folder = Peerview invites
rev-drafts-saved = { $count ->
    [one] 1 email draft saved in { $dir }: open it in your mail program and send it
   *[other] { $count } email drafts saved in { $dir }: open each in your mail program and send it
}
rev-error-creating = creating { $path }
rev-error-writing = writing { $path }
rev-qr-too-long = (too long for a QR code)
rev-qr-code = QR code of the ticket
rev-invited-candidates = Invited candidates
# Accommodations for one candidate.
rev-days-later = { $days ->
    [one] 1 day later
   *[other] { $days } days later
}
rev-more-time = { $percent }% more time
rev-extra-takes = { $takes ->
    [one] 1 extra take
   *[other] { $takes } extra takes
}
rev-save-for = Save for { $name }
rev-revoke = Revoke { $name }
rev-delete = Delete { $name }
rev-delete-hint = Deletes the submission, reviews, recordings, name and email here, on hubs and on reviewers' computers
rev-delete-confirm = Delete everywhere, for good?
rev-delete-yes = Yes, delete { $name }
rev-delete-keep = Keep
rev-reviewers = Reviewers
rev-reviewer-state = { $name } ({ $state })
rev-error-no-candidate = no candidate { $candidate } in this campaign
rev-error-node-not-started = the employer node has not started, so a ticket cannot say where to connect

## The campaign editor.
rev-title = Title
rev-role = Role
rev-instructions = Instructions
rev-language = Candidates' language
rev-language-each = Each candidate's own
rev-time-zone = Time zone
rev-time-zone-hint = e.g. Europe/Berlin
rev-time-zone-unknown = not a time zone this computer knows
# $zone: the campaign's time zone (Europe/Berlin, UTC...), in which the deadline is entered.
rev-deadline = Deadline ({ $zone })
rev-error-zone = the time zone "{ $zone }" is not one this computer knows; use an IANA name such as Europe/Berlin
rev-criteria = Scorecard criteria
rev-retention = Keep submissions (days after the decision)
rev-retention-none = until deleted
rev-retention-hint = Deleted everywhere (this computer, hubs, reviewers) when the time is up
rev-blind-review = Blind review: reviewers see aliases, not names and emails
rev-reviewers-may-message = Reviewers may write to candidates (they always read)
rev-practice = Practice question (never counts)
rev-practice-default-prompt = Tell us about your favourite place.
rev-default-prompt = Introduce yourself.
# A new campaign's scorecard criteria (the campaign file's defaults in English).
rev-criterion-communication = Communication
rev-criterion-experience = Relevant experience
rev-criterion-motivation = Motivation
rev-practice-prompt = Practice prompt
rev-practice-answer = Practice answer
rev-questions = Questions
rev-question-number = { $n }.
rev-move-up = Move { $n } up
rev-move-down = Move { $n } down
rev-remove-question = Remove { $n }
rev-question-prompt = Question { $n } prompt
rev-question-answer = Question { $n } answer
rev-think-secs = { $secs } s to think
rev-limit-secs = { $secs } s limit
rev-max-takes = { $takes ->
    [one] 1 take
   *[other] { $takes } takes
}
rev-add-question = Add question
rev-save-campaign = Save campaign
rev-duplicate = Duplicate
rev-copy-title = { $title } (copy)
rev-unsaved-copy = This is an unsaved copy: change it and save.
rev-export-toml = Export TOML
rev-campaign-file = Import or export the campaign file (TOML)
rev-campaign-toml = Campaign TOML
rev-import = Import as a new campaign
rev-imported = Imported: check it and save.
# Where a campaign file's error was found ("the imported text:3: ...").
rev-imported-text = the imported text
rev-the-campaign = the campaign
rev-error-no-title = the title must not be empty
rev-error-deadline = the deadline "{ $deadline }" is not a date and time such as 2026-12-31 17:00
rev-error-deadline-range = the deadline is out of range; choose a date between 1970 and 9999
rev-error-no-criteria = list at least one scorecard criterion
rev-error-retention = keep submissions: "{ $days }" is not a number of days
rev-error-no-prompt = question { $n } has no prompt
rev-error-no-limit = question { $n } needs an answer time limit

## Reviewing a submission.
rev-back-to-inbox = Back to the inbox
rev-export = Export
rev-question = Question { $n }
rev-not-answered = Not answered.
# The player's name for screen readers.
rev-player-label = { $name }: answer { $n }
rev-recording-arriving = The recording is still arriving ({ $percent }%).
# $duration: m:ss.
rev-take = Take { $take }, { $duration }
rev-waveform = Waveform of the answer
rev-comments = Comments
# A comment at a moment ($at, m:ss) of the answer; a click plays from there.
rev-comment-item = { $at } { $name }: { $text }
rev-play-from-here = Play from here
rev-comment = Comment
rev-comment-at = Comment at { $at }
rev-your-scorecard = Your scorecard ({ $name })
rev-not-scored = not scored
rev-score-1 = 1 - poor
rev-score-2 = 2 - weak
rev-score-3 = 3 - fair
rev-score-4 = 4 - good
rev-score-5 = 5 - excellent
rev-submit-scorecard = Submit my scorecard
rev-others-scored = { $count ->
    [one] 1 other reviewer scored this candidate; their scores show once you submit yours.
   *[other] { $count } other reviewers scored this candidate; their scores show once you submit yours.
}
rev-side-by-side = Scorecards side by side:
rev-criterion = Criterion
rev-average = Average
rev-decision = Decision
# $at: a date and time.
rev-decision-sent = Sent to the candidate: { $verdict } by { $by } on { $at }
rev-decision-sent-with-message = Sent to the candidate: { $verdict } by { $by } on { $at } - "{ $message }"
rev-advance = Advance
rev-hold = Hold
rev-reject = Reject
rev-decision-message = Message to the candidate (optional)
rev-send-decision = Send decision
rev-error-store-closed = the recordings store is not open

## The conversation with the candidate.
rev-conversation = Conversation with the candidate
rev-no-messages = No messages.
rev-message-from = { $name }:
# A request: $kind is extension ($days), time ($percent), takes ($takes) or both ($percent, $takes).
rev-request-asks = { $kind ->
    [extension] asks for { $days ->
        [one] 1 more day
       *[other] { $days } more days
    } before the deadline: { $reason }
    [time] asks for { $percent }% more time to think and answer: { $reason }
    [takes] asks for { $takes ->
        [one] 1 more take
       *[other] { $takes } more takes
    } per question: { $reason }
   *[both] asks for { $percent }% more time and { $takes ->
        [one] 1 more take
       *[other] { $takes } more takes
    } per question: { $reason }
}
rev-open-request = { $kind ->
    [extension] Open request: { $days ->
        [one] 1 more day
       *[other] { $days } more days
    } before the deadline
    [time] Open request: { $percent }% more time to think and answer
    [takes] Open request: { $takes ->
        [one] 1 more take
       *[other] { $takes } more takes
    } per question
   *[both] Open request: { $percent }% more time and { $takes ->
        [one] 1 more take
       *[other] { $takes } more takes
    } per question
}
rev-grant = { $kind ->
    [extension] Grant { $days ->
        [one] 1 more day
       *[other] { $days } more days
    } before the deadline
    [time] Grant { $percent }% more time to think and answer
    [takes] Grant { $takes ->
        [one] 1 more take
       *[other] { $takes } more takes
    } per question
   *[both] Grant { $percent }% more time and { $takes ->
        [one] 1 more take
       *[other] { $takes } more takes
    } per question
}
rev-granted = Granted
rev-granted-note = Granted: { $note }
rev-declined = Declined
rev-declined-note = Declined: { $note }
rev-grant-days = Days to grant
rev-grant-time = More time to grant (%)
rev-grant-takes = More takes to grant
rev-decline-reason = Reason to decline
rev-decline = Decline
rev-message-to-candidate = Message to the candidate
rev-send-message = Send message

## What the service reports.
rev-saved-campaign = Saved "{ $title }"
rev-saved-invited = Invited
rev-saved-reviewer-invited = Reviewer invited
rev-saved-message = Message kept; the candidate receives it at their next sync
rev-saved-granted = Request granted
rev-saved-declined = Request declined
rev-saved-deleted = Deleted the submission of { $name } here; hubs and reviewers delete theirs at their next sync
rev-saved-revoked = Revoked the invite of { $name }
rev-saved-accommodations = Accommodations saved
rev-saved-viewed = Marked viewed
rev-saved-score = Score saved
rev-saved-scorecard = Scorecard submitted
rev-saved-comment = Comment added
rev-saved-decision = Decision sent: { $verdict }
rev-saved-recommendation = Recommended: { $verdict } (the employer sends the decision)
rev-exported = Exported { $files ->
    [one] 1 file
   *[other] { $files } files
} to { $dir }
rev-exported-missing = Exported { $files ->
    [one] 1 file
   *[other] { $files } files
} to { $dir } ({ $missing ->
    [one] 1 recording not here yet
   *[other] { $missing } recordings not here yet
})
