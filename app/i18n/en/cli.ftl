# The command line (`peerview ...`), the files it writes for people (summary.md, invite mails)
# and the operations the app shares with it (ops-). Arguments: $file, $dir and $path are paths;
# $error, $reason and $detail are texts from elsewhere (often English); numbers choose plurals.

## Help: one message per command (cli-help-<command path>) and per argument
## (cli-help-<command path>-<argument>); the program itself is `peerview`.

cli-help-peerview = Peer-to-peer, local-first one-way video interviews.
cli-help-peerview-long = Peer-to-peer, local-first one-way video interviews.

    Employers create campaigns and invite candidates; candidates record their answers on their own time, even offline; reviewers watch, rate and decide. With no command, the desktop app opens.
cli-help-peerview-data-dir = Where Peerview keeps its data (default: $XDG_DATA_HOME/peerview or ~/.local/share/peerview; %APPDATA%\Peerview on Windows, ~/Library/Application Support/Peerview on macOS).
cli-help-peerview-relay = Relays: `default` (iroh's public relays), `disabled` (direct addresses only), or a URL.
cli-help-peerview-relay-ca = Trust this CA certificate (PEM) for the relay: a self-hosted relay whose certificate was not signed by a public authority.
cli-help-peerview-lan-discovery = Find and announce Peerview nodes on the local network (mDNS): an office node whose address changed is still found by its id.
cli-help-gui = Open the desktop app (the default when no command is given).
cli-help-gui-ticket = An invite ticket to open (candidates).
cli-help-gui-synthetic-devices = Use a test-pattern camera and a tone microphone instead of real devices.
cli-help-gui-bind = Where the employer node listens (default 0.0.0.0:47100).
cli-help-campaign = Create, list, show and export campaigns (employer).
cli-help-campaign-create = Create a campaign from a TOML file (see examples/campaign.toml); prints its id.
cli-help-campaign-create-file = The campaign file.
cli-help-campaign-list = List the campaigns on this node.
cli-help-campaign-show = Show a campaign: questions, rules, candidates and the state of their submissions.
cli-help-campaign-show-id = The campaign id (a unique prefix is enough).
cli-help-campaign-export = Print a campaign in the TOML format, to edit and create again.
cli-help-campaign-export-id = The campaign id (a unique prefix is enough).
cli-help-serve = Run the headless employer node: accepts candidates and reviewers until stopped.
cli-help-serve-bind = Address to listen on (default 0.0.0.0:47100; e.g. 127.0.0.1:0 for tests).
cli-help-serve-replicate-every = On a hub (joined with a `pvhub1` ticket): seconds between replications with the other employer-side nodes.
cli-help-relay = Run a relay of your own (an iroh relay server): nodes that cannot reach each other directly meet through it. Every node then uses `--relay URL`; tickets carry it.
cli-help-relay-cert = A TLS certificate chain (PEM) for the relay's hostname; with --key.
cli-help-relay-key = The certificate's private key (PEM).
cli-help-relay-acme-hostname = Get a certificate from Let's Encrypt for this public hostname (ports 80 and 443 must reach this machine); repeatable.
cli-help-relay-acme-contact = The email address Let's Encrypt may write to about the certificate.
cli-help-relay-acme-staging = Use Let's Encrypt's staging service (for trying it out).
cli-help-relay-http-bind = Plain-HTTP address (default 0.0.0.0:3340 without TLS, 0.0.0.0:80 with TLS).
cli-help-relay-https-bind = HTTPS address, with TLS (default 0.0.0.0:443).
cli-help-relay-quic-bind = QUIC address discovery, with TLS (default 0.0.0.0:7842).
cli-help-invite = Invite a candidate to a campaign: prints the ticket to send them.
cli-help-invite-campaign = The campaign id (a unique prefix is enough).
cli-help-invite-name = The candidate's name, as reviewers will see it.
cli-help-invite-email = The candidate's email address, for your records.
cli-help-reviewer = Reviewer invites.
cli-help-reviewer-invite = Invite a colleague to review a campaign: prints their ticket.
cli-help-reviewer-invite-campaign = The campaign id (a unique prefix is enough).
cli-help-reviewer-invite-name = The reviewer's name.
cli-help-hub = Other employer-side nodes (an office machine, a colleague's laptop) that hold a full replica and accept candidates when this one is off.
cli-help-hub-invite = Invite another employer-side node: prints the ticket to join it with (`peerview join`), after which `peerview serve` there keeps both nodes in step.
cli-help-hub-invite-campaign = The campaign id (a unique prefix is enough).
cli-help-hub-invite-name = A name for the node, e.g. "Office".
cli-help-revoke = Withdraw a candidate's, reviewer's or hub's invite: their computer is refused from then on.
cli-help-revoke-campaign = The campaign id (a unique prefix is enough).
cli-help-revoke-invitee = The candidate, reviewer or hub id (see `campaign show`).
cli-help-delete = Delete a candidate's submission everywhere (employer side): here at once, on hubs and reviewers' computers at their next sync. Documents, reviews, recordings, name and email go; only ids stay, so an offline copy cannot come back.
cli-help-delete-candidate = The candidate's id (or a unique prefix), name or email.
cli-help-delete-campaign = The campaign (id or prefix), if the candidate is in several.
cli-help-withdraw = Withdraw from a campaign (candidate): asks the employer side to delete your submission and recordings; `peerview status` shows the receipt when it is done.
cli-help-withdraw-campaign = The campaign id (a unique prefix is enough).
cli-help-withdraw-wait = Keep trying to reach the employer for this many seconds before leaving it for the next sync.
cli-help-audit = The audit log of this computer: deletions, withdrawals and exports (ids and times only).
cli-help-message = Write to the other side. A candidate: `message CAMPAIGN "text"` (with --extension DAYS, or --extra-time PERCENT / --extra-takes N, it asks for that). The employer side: `message CANDIDATE "text"` (id, name or email). It goes with the next sync.
cli-help-message-target = The campaign (candidate) or the candidate (employer side).
cli-help-message-text = What to say (for a request: why).
cli-help-message-extension = Candidate: ask for this many more days before the deadline.
cli-help-message-extra-time = Candidate: ask for this much more time to think and answer, in percent.
cli-help-message-extra-takes = Candidate: ask for this many more takes per question.
cli-help-message-wait = Keep trying to reach the employer for this many seconds (candidate, reviewer).
cli-help-grant = Grant a candidate's request (employer side): what was asked is added to their accommodations and they are told.
cli-help-grant-candidate = The candidate's id (or a unique prefix), name or email.
cli-help-grant-request = The request's id (see `peerview status`); needed only if several are open.
cli-help-grant-days = Grant this many days instead of what was asked (an extension request).
cli-help-grant-extra-time = Grant this much more time, in percent, instead (an accommodation request).
cli-help-grant-extra-takes = Grant this many more takes instead (an accommodation request).
cli-help-grant-note = Something to say with it.
cli-help-decline = Decline a candidate's request (employer side), with the reason they will read.
cli-help-decline-candidate = The candidate's id (or a unique prefix), name or email.
cli-help-decline-request = The request's id (see `peerview status`); needed only if several are open.
cli-help-decline-reason = Why the request is declined; the candidate reads it.
cli-help-join = Join with an invite ticket (candidate, reviewer or hub): fetches the campaign.
cli-help-join-ticket = The ticket, as received.
cli-help-answer = Keep an answer (candidate): a recording file for video/audio questions, or text.
cli-help-answer-campaign = The campaign id (a unique prefix is enough).
cli-help-answer-question = The question's id (shown by `join`).
cli-help-answer-file = A recorded take (MP4).
cli-help-answer-text = A written answer.
cli-help-answer-record = Record the take now (headless: test pattern and tone unless told otherwise).
cli-help-answer-video = With --record: test-pattern, camera[:INDEX] or none.
cli-help-answer-audio = With --record: tone, wav:FILE, mic[:NAME] or none.
cli-help-answer-seconds = With --record: seconds to record (at most the question's limit; default the limit).
cli-help-submit = Submit your answers (candidate) and send them to the employer.
cli-help-submit-campaign = The campaign id (a unique prefix is enough).
cli-help-submit-wait = Keep trying to reach the employer for this many seconds before giving up for now.
cli-help-status = The state of the submissions on this computer.
cli-help-sync = Sync once with every employer this computer joined; exits when done.
cli-help-sync-wait = Keep trying unreachable employers for this many seconds.
cli-help-sync-watch = Keep running: sync every 10 s (backing off while the employer is unreachable).
cli-help-record = Record one take headlessly (scripts, tests): fragmented MP4, H.264 + Opus.
cli-help-record-video = test-pattern, camera[:INDEX] or none.
cli-help-record-audio = tone, wav:FILE, mic[:NAME] or none.
cli-help-record-size = Picture size, e.g. 1280x720.
cli-help-record-fps = Pictures per second.
cli-help-record-seconds = Length of the take, in seconds.
cli-help-record-out = The MP4 file to write.
cli-help-devices = List the cameras and microphones a take can be recorded from.
cli-help-play = Play a recording (MP4) through the speakers, from the command line.
cli-help-play-file = The recording to play (MP4).
cli-help-play-speed = Playback speed: 1, 1.5 or 2 (the voice keeps its pitch).
cli-help-play-from = Start this many seconds in.
cli-help-play-device = An output device by name (default: the system's).
cli-help-export = Export a submission for someone without Peerview: each answer as a standard MP4, plus summary.json and summary.md.
cli-help-export-submission = A candidate id (or unique prefix), a candidate's name, or (candidates) a campaign id.
cli-help-export-dir = The folder to write into (created if needed).
cli-help-review = Review a submission (employer, or a reviewer who joined): score, comment, decide; shows every reviewer's review. A reviewer's changes travel with the next `peerview sync`.
cli-help-review-submission = A candidate id (or unique prefix) or a candidate's name.
cli-help-review-scores = A score, CRITERION=1..5 (repeatable).
cli-help-review-submit-scores = Hand in your scorecard (reveals the other reviewers' scores to you).
cli-help-review-comment = A comment on an answer.
cli-help-review-question = The question the comment is about (default: the first).
cli-help-review-at = The moment of the answer the comment is about, in seconds.
cli-help-review-decide = Decide: advance, hold or reject (the candidate sees it).
cli-help-review-message = A message to the candidate with the decision.
cli-help-export-recording = Copy a recording (by its BLAKE3 hash) out of this computer's store into a file.
cli-help-export-recording-hash = The recording's hash, as listed in the submission.
cli-help-export-recording-out = The file to write.
# clap's own --help, --version and help.
cli-help-flag-help = Print help
cli-help-flag-help-more = Print help (see more with '--help')
cli-help-flag-help-summary = Print help (see a summary with '-h')
cli-help-flag-version = Print version
cli-help-subcommand-help = Print this message or the help of the given command
cli-help-subcommand-help-args = Print help for the command

## Arguments checked before a command runs.

cli-size-syntax = { $value }: use WIDTHxHEIGHT, e.g. 1280x720
cli-size-bad-width = The width in { $value } is not a number.
cli-size-bad-height = The height in { $value } is not a number.
cli-size-range = { $value }: width and height must be even, from 16x16 to 3840x2160.
cli-video-choice = "{ $value }": use test-pattern, camera, camera:INDEX or none.
cli-audio-choice = "{ $value }": use tone, wav:FILE, mic, mic:NAME or none.

## Every command: the outcome line, the data directory, files.

cli-error = error: { $error }
# Saved here, but not delivered yet (exit status 2).
cli-not-sent = not sent: { $error }
cli-warning = warning: { $warning }
cli-data-dir-error = the data directory { $dir }: { $error }
cli-no-data-dir = cannot tell where to keep Peerview's data: { $variable } is not set; pass --data-dir DIR
cli-store-problem-moved = warning: { $file } is corrupt ({ $reason }); it was moved to { $moved_to } and the rest of the store is usable
cli-store-problem-kept = warning: { $file } is corrupt ({ $reason }); it could not be moved aside
cli-reading-file = reading { $file }
cli-writing-file = writing { $file }
cli-saving-file = saving { $file }
cli-opening-file = opening { $file }
cli-wrote = Wrote { $file }
cli-wrote-bytes = Wrote { $file } ({ $bytes ->
    [one] 1 byte
   *[other] { $bytes } bytes
}).
cli-settings-damaged = { $file } is damaged; fix or delete it
cli-settings-writing = writing settings
cli-starting-runtime = starting the async runtime

## peerview campaign create|list|show|export, and the campaign file.

cli-saving-campaign = saving the campaign
cli-campaign-created = Created campaign "{ $title }" with { $questions ->
    [one] 1 question
   *[other] { $questions } questions
}, deadline { $deadline }.
cli-campaign-list-empty = No campaigns yet. Create one with: peerview campaign create --file campaign.toml
# Column headings of `campaign list`.
cli-campaign-list-id = ID
cli-campaign-list-title = TITLE
cli-campaign-list-questions = QUESTIONS
cli-campaign-list-candidates = CANDIDATES
cli-campaign-list-deadline = DEADLINE
cli-campaign-unreadable = (unreadable: { $error })
cli-campaign-show-heading = Campaign { $id }: { $title }
cli-campaign-show-role = Role
cli-campaign-show-deadline = Deadline
cli-campaign-show-created = Created
cli-campaign-show-scorecard = Scorecard
cli-campaign-show-instructions = Instructions:
cli-campaign-show-practice = Practice question (never counts): { $rules }
cli-campaign-show-questions = Questions:
cli-campaign-show-your-submission = Your submission: { $state } ({ $answered } of { $questions } answered)
cli-campaign-show-candidates = Candidates ({ $count }):
cli-campaign-show-none-invited = none invited yet
cli-campaign-show-unreadable = unreadable ({ $error })
# $who: the name, and the email in <> if there is one.
cli-campaign-show-candidate = { $id }  { $who }: { $state }
cli-campaign-show-candidate-invite = { $id }  { $who }: { $state }, invite { $invite }
cli-campaign-show-reviewers = Reviewers ({ $count }):
cli-campaign-show-hubs = Employer-side nodes ({ $count }):
cli-campaign-show-hub-at = { $state }, at { $addresses }
# The first line of an exported campaign file (a TOML comment).
cli-campaign-exported-from = Peerview campaign, exported from campaign { $id }
# A campaign file's mistakes: $file:$line names the place, $field the field.
cli-campaign-file-syntax = { $file }: { $error }
cli-campaign-file-field = { $file }:{ $line }: field `{ $field }`: { $problem }
cli-campaign-file-empty = must not be empty
cli-campaign-file-no-questions = { $file }: a campaign needs at least one [[question]]
cli-campaign-file-criteria = list at least one criterion, none empty
cli-campaign-file-retention = between 1 and { $max } days (leave it out to keep submissions until deleted)
cli-campaign-file-language = "{ $language }" is not a language Peerview speaks; one of { $known }
cli-campaign-file-time-zone = "{ $zone }" is not a time zone this computer knows; an IANA name like "Europe/Berlin"
cli-campaign-file-practice-reserved = { $file }: `{ $field }.id`: "practice" is reserved for the [practice] question
cli-campaign-file-duplicate-id = { $file }: `{ $field }.id`: the id "{ $id }" is used twice
cli-campaign-file-practice-id = { $file }: `practice.id`: leave it out (the practice question's id is always "practice")
cli-campaign-file-answer-limit = { $limit } is out of range: recorded answers take 5 to { $max } seconds (text answers: 0 for no limit)
cli-campaign-file-think = at most { $max } seconds
cli-campaign-file-takes = { $takes } is out of range: 1 to { $max }
cli-campaign-file-date-and-time = { $value } needs a date and a time, e.g. 2026-12-15T17:00:00Z
cli-campaign-file-deadline-zone = { $value } needs a time zone, e.g. { $value }Z for UTC or { $value }+01:00

## serve, relay, invite, revoke.

cli-serve-node = Peerview employer node { $id }
cli-serve-listening = listening on { $address }
cli-serve-relay = reachable through relay { $relay }
cli-serve-lan = announced on the local network (mDNS), so candidates there find it by its id
cli-serve-ready = Ready. Invite candidates with: peerview invite CAMPAIGN --name NAME
cli-relay-running = Peerview relay running
# $what: one of the ops-relay-http... names below.
cli-relay-listening = { $what } on { $address }
cli-relay-plain = Plain HTTP, without TLS: for a local network or a test. Nodes use: --relay http://THIS-MACHINE:{ $port }
cli-relay-plain-internet = For the internet, give it a certificate (--cert/--key) or a hostname (--acme-hostname).
cli-relay-files = Nodes use: --relay https://HOSTNAME-IN-THE-CERTIFICATE
cli-relay-acme = Nodes use: --relay https://{ $hostname }
cli-invite-no-node = this data directory has never run the employer node, so a ticket cannot say where to connect: start `peerview serve` first
cli-invited = Invited { $name }. Send them this ticket; it works once, on one computer.{ $nodes ->
    [one] {""}
   *[other] { " " }It lists { $nodes } employer-side nodes; any reachable one will do.
}
cli-invite-link = As a link that opens Peerview on the invite: { $link }
cli-invite-reviewer = Reviewer ticket for { $name } (works once, on one computer).{ $nodes ->
    [one] {""}
   *[other] { " " }It lists { $nodes } employer-side nodes; any reachable one will do.
}
cli-invite-hub = Ticket for the employer-side node { $name } (works once, on one computer, within 24 hours). On that computer run
      peerview join TICKET
    then `peerview serve` there keeps both nodes in step:
cli-revoked = Revoked the invite of { $name }: their computer is refused from now on.

## join, answer, submit, sync, status.

cli-join-bad-ticket = This ticket cannot be used: { $reason }
cli-join-hub = This computer is now an employer-side node of { $title }: { $documents ->
    [one] 1 document
   *[other] { $documents } documents
} and { $recordings ->
    [one] 1 recording
   *[other] { $recordings } recordings
} copied.
cli-join-hub-serve = Run `peerview serve` here to accept candidates and reviewers and to keep both nodes in step; tickets issued afterwards list this node too.
cli-joined = Joined: { $title } ({ $role })
cli-joined-deadline = Deadline: { $deadline }
cli-joined-practice = Practice (never counts): { $rules }
cli-joined-questions = Questions:
cli-joined-answer-with = Answer with: peerview answer { $campaign } QUESTION_ID (--file TAKE.mp4 | --text "...")
cli-joined-reviewer = Joined as reviewer of { $title }: { $documents ->
    [one] 1 document
   *[other] { $documents } documents
} synced.
cli-recordings-downloaded = { $count ->
    [one] 1 recording downloaded.
   *[other] { $count } recordings downloaded.
}
cli-recordings-not-downloaded = Recordings not downloaded yet: { $error }
cli-not-joined = this computer has not joined campaign { $campaign }: use `peerview join TICKET` first
cli-several-campaigns = "{ $campaign }" matches several campaigns; type more of the id
cli-only-candidates-answer = only candidates answer questions
cli-only-candidates-submit = only candidates submit
cli-no-such-question = there is no question { $question } in this campaign
cli-no-such-question-list = there is no question { $question } in this campaign (questions: { $questions })
cli-answer-too-long = question { $question } allows answers of at most { $limit } s
cli-recording = Recording { $secs } s...
cli-answer-needs-text = question { $question } takes a text answer: use --text "..."
# $kind: video or audio (common-kind-...).
cli-answer-needs-file = question { $question } takes a { $kind } answer: use --file TAKE.mp4
cli-answer-file-or-text = give exactly one of --file or --text
cli-answer-saved = Saved your answer to { $question }. Submit all answers with: peerview submit { $campaign }
cli-answer-refused = not kept: { $reason }
cli-not-a-recording = { $file } is not a recording Peerview can read: { $error }
cli-no-video-track = { $file } has no video track, and this question needs a video answer
cli-recording-changed = the recording changed while it was being stored; try again
cli-fragment-changed = fragment { $index } changed on disk
cli-submit-unanswered = answer every question before submitting; still unanswered: { $questions }
cli-submit-deadline-passed = the deadline ({ $deadline }) has passed; contact the employer
cli-submitted-sending = Submitted. Sending to the employer...
cli-retrying = Retrying in { $secs } s...
cli-not-sent-try-again = { $reason }. Run `peerview sync` to try again.
cli-sync-nothing = Nothing to sync: this computer has not joined any campaign.
cli-sync-failures = { $failed } of { $total ->
    [one] 1 campaign
   *[other] { $total } campaigns
} not synced
cli-status-not-joined = This computer has not joined any campaign yet (peerview join TICKET).
cli-status-last-reached = last reached the employer { $date }, { $path }
cli-status-not-synced = { $title }: not synced yet
cli-status-not-started = not started
cli-status-in-progress = in progress, { $answers ->
    [one] 1 answer
   *[other] { $answers } answers
} saved here
cli-status-in-progress-sending = in progress, { $answers ->
    [one] 1 answer
   *[other] { $answers } answers
} saved here ({ $percent }% of the recordings already sent)
cli-status-submitted-all-sent = submitted, everything sent; waiting for the employer's receipt
cli-status-submitted-waiting = submitted, waiting to send { $size } of recordings (they go when the employer is reachable)
cli-status-submitted-uploading = submitted, uploading { $percent }% ({ $sent } of { $total } sent)
cli-status-submitted = submitted, waiting for the employer to receive it
cli-status-received = received by the employer
cli-status-viewed = viewed by the employer
cli-status-decided = decided: { $verdict }
cli-status-withdrawn = withdrawn; the deletion request goes to the employer with the next sync
cli-status-deleted = deleted by the employer side
cli-status-reviewer = { $title }: reviewer
cli-status-hub = { $title }: employer-side node (replica)
cli-status-messages = messages:
cli-status-open-requests = open requests: { $count }
cli-status-conversation = { $campaign }: { $name } ({ $id }): { $messages ->
    [one] 1 message
   *[other] { $messages } messages
}, { $unread } unread, { $open ->
    [one] 1 open request
   *[other] { $open } open requests
}

## message, grant, decline, delete, withdraw, audit.

cli-message-kept-sending = Message kept on this computer; sending it to the employer...
cli-message-only-candidates-ask = only a candidate asks for more time or an accommodation (is "{ $target }" a campaign you joined?)
cli-message-kept = Message to { $name } kept; they receive it at their next sync.
# $what: a request (ops-request-...).
cli-request-granted = Granted { $name }'s request for { $what }; they are told at their next sync.
cli-request-declined = Declined { $name }'s request for { $what }; they are told at their next sync.
cli-delete-already = The submission of { $id } was already deleted ({ $date }).
cli-delete-done = Deleted the submission of { $name } ({ $id }): documents, reviews, name and email are gone from this computer.
cli-delete-recordings-removed = { $count ->
    [one] 1 recording removed from the recordings store.
   *[other] { $count } recordings removed from the recordings store.
}
cli-delete-recordings-later = The recordings go when the running node next starts (it did not answer).
cli-delete-copies = Hubs and reviewers delete their copies at their next sync; only the ids stay, so no copy comes back.
cli-withdrawn = Withdrawn. Asking the employer to delete your submission and recordings...
cli-audit-empty = Nothing in the audit log: no deletion, withdrawal or export on this computer.
# What an audit log entry records (a column of `peerview audit`).
cli-audit-delete = delete
cli-audit-purge = purge
cli-audit-withdrawal = withdrawal
cli-audit-export = export
cli-audit-line = campaign { $campaign }  candidate { $candidate }  by { $by }
cli-audit-unreadable = { $count ->
    [one] 1 line of the audit log could not be read.
   *[other] { $count } lines of the audit log could not be read.
}

## review, export, play, record, devices.

cli-review-score-syntax = --score "{ $value }": write it as CRITERION=SCORE, e.g. Communication=4
cli-review-no-criterion = "{ $criterion }" is not a criterion of this campaign ({ $criteria })
cli-review-score-number = --score "{ $value }": the score is a number from 1 to 5
cli-review-no-questions = the campaign has no questions
cli-review-decide-syntax = --decide "{ $value }": use advance, hold or reject
cli-review-recommended = Recommended: { $verdict }. The employer sends the decision to the candidate.
# The employer's own review, as reviewers and the employer read it.
cli-review-employer = Employer
cli-review-score = { $criterion }: { $score }/5
cli-review-scores-hidden = scores hidden until you submit your own (--submit-scores)
cli-review-decision = decision: { $verdict }
cli-review-decision-note = decision: { $verdict } ({ $note })
cli-submission-ambiguous-id = "{ $query }" matches { $count } submissions; give more of the id
cli-submission-ambiguous-name = { $count } submissions are from candidates named "{ $query }"; use the candidate id
cli-no-submission = no submission matches "{ $query }" (use a candidate id from `peerview campaign show`, a candidate's name, or a campaign id)
cli-reading-submission = reading the submission
cli-reading-campaign = reading the campaign
cli-export-converting = converting the answer to { $question }
cli-export-missing = { $count ->
    [one] 1 recording is
   *[other] { $count } recordings are
} not on this computer yet ({ $questions }); run `peerview sync` and export again
# summary.md, the export's summary for people.
cli-export-md-role = Role: { $role }
cli-export-md-state = State: { $state }
cli-export-md-submitted = Submitted: { $at }
cli-export-md-deadline = Deadline: { $deadline }
cli-export-md-no-answer = No answer.
cli-export-md-recording = [{ $file }]({ $file }) — { $secs } s, take { $take }
cli-export-md-recording-missing = Recording ({ $secs } s) not on this computer yet.
cli-export-md-timeline = Timeline
cli-export-md-reviews = Reviews
cli-export-md-reviewer = reviewer
cli-export-md-score = { $criterion }: { $score }/5
cli-export-md-comment = { $question } at { $at }: { $text }
cli-export-md-decision = Decision: { $verdict }
cli-play-video = { $file }: { $secs } s, video { $size }
cli-play-video-sound = { $file }: { $secs } s, video { $size } with sound
cli-play-sound-only = { $file }: { $secs } s, sound only
cli-play-damaged = warning: { $problem }; playing what is readable
cli-play-note = note: { $note }
cli-play-done = Played to the end ({ $secs } s): { $shown ->
    [one] 1 picture
   *[other] { $shown } pictures
} shown, { $dropped } dropped late.
cli-record-seconds-range = --seconds must be between 0.1 and 3600
cli-record-fragment = fragment { $index } written ({ $bytes ->
    [one] 1 byte
   *[other] { $bytes } bytes
})
cli-record-done = Recorded { $file } ({ $secs } s, { $bytes ->
    [one] 1 byte
   *[other] { $bytes } bytes
}, { $fragments ->
    [one] 1 fragment
   *[other] { $fragments } fragments
}, BLAKE3 { $hash })
cli-devices-cameras = Cameras:
cli-devices-no-camera = none found (audio-only answers still work; use --video test-pattern to try recording)
cli-devices-microphones = Microphones:
cli-devices-no-microphone = none found: connect one, or check that no other program holds it
cli-devices-default = (default)

## The invite mail (in the campaign's language when it has one).

cli-mail-subject = Video interview: { $title }
cli-mail-greeting = Hello { $name },
cli-mail-intro = You are invited to a one-way video interview for { $role } ({ $title }). You record your answers on your own computer, whenever it suits you, until { $deadline }. You can prepare offline; the answers are sent when you submit.
# Instructions too long for a mailto: link, cut.
cli-mail-instructions-cut = { $instructions }... (the rest is in Peerview)
cli-mail-get-peerview = Install Peerview first (free, for Windows and Linux): your contact at the employer sends you the installer or tells you where to download it. On Windows it is peerview-windows-x64-setup.exe; on Debian or Ubuntu, the peerview .deb package.
cli-mail-step-install = 1. { $get_peerview }
cli-mail-step-link = 2. Open your invite link:
cli-mail-paste-ticket = If the link does not open Peerview, open Peerview, choose "Open an invite" and paste this ticket:
cli-mail-one-computer = The invite is for you alone and works on one computer: the first one that opens it.
# The file name of an invite draft (without .eml); $name is the candidate's.
cli-mail-file-name = Invite { $name }
cli-mail-file-someone = candidate

## The operations the command line and the app share (ops/).

ops-opening-data-dir = opening the data directory { $dir }
ops-creating-dir = creating { $dir }
ops-writing-file = writing { $file }
ops-verdict-advance = advance
ops-verdict-hold = hold
ops-verdict-reject = reject
ops-state-not-started = not started
ops-state-in-progress = in progress
ops-state-submitted = submitted
ops-state-received = received
ops-state-viewed = viewed
ops-state-decided = decided: { $verdict }
ops-state-withdrawn = withdrawn
ops-state-deleted = deleted
ops-invite-invited = invited
ops-invite-joined = joined
ops-invite-revoked = revoked
ops-invite-deleted = deleted
ops-deletion-by-employer = deleted by the employer
ops-deletion-withdrawn = withdrawn at the candidate's request
ops-deletion-retention = the retention period ended
# A submission's timeline.
ops-event-answered = answered { $question }
ops-event-submitted = submitted
ops-event-received = received
ops-event-viewed = viewed
ops-event-decision = decision: { $verdict }
ops-event-decision-message = decision: { $verdict } — { $message }
ops-event-withdrawal-requested = withdrew and asked for the submission to be deleted
ops-event-deleted = deletion receipt: the employer side deleted the submission and its recordings ({ $reason })
ops-deleted-on = the employer side deleted this submission and its recordings ({ $reason }) on { $date }
# Why an exchange with the employer failed; $detail comes from the network (English).
ops-client-unreachable = could not reach the employer ({ $detail }); everything is kept on this computer and will be sent when the employer is reachable
ops-client-refused = the employer refused: { $reason }
ops-client-wire = talking to the employer: { $error }
ops-client-interrupted = the transfer was interrupted ({ $detail }); it resumes where it stopped next time
ops-client-busy = the employer is busy with many connections at once; try again in a moment
ops-ticket-not-a-ticket = this is not a Peerview invite ticket (it should start with "pvinvite1", "pvreview1" or "pvhub1", or be a link "peerview:join/...")
ops-ticket-bad-characters = the ticket contains characters that cannot be part of a ticket; copy it again, completely
ops-ticket-damaged = the ticket is damaged or incomplete (its checksum does not match); copy it again, completely
ops-ticket-unsupported = the ticket is from a newer version of Peerview; update Peerview to use it
ops-exchanged-candidate = synced { $documents ->
    [one] 1 document
   *[other] { $documents } documents
} ({ $changed } changed)
ops-exchanged-candidate-offered = synced { $documents ->
    [one] 1 document
   *[other] { $documents } documents
} ({ $changed } changed); recordings offered
ops-exchanged-reviewer = synced { $documents ->
    [one] 1 document
   *[other] { $documents } documents
} ({ $changed } changed), { $recordings ->
    [one] 1 recording
   *[other] { $recordings } recordings
} downloaded
ops-exchanged-hub = replicated ({ $changed ->
    [one] 1 document
   *[other] { $changed } documents
} changed, { $recordings ->
    [one] 1 recording
   *[other] { $recordings } recordings
} copied)
ops-which-candidate = say which candidate: their id (see `peerview campaign show`), name or email
ops-no-such-candidate = no candidate "{ $who }" here (try their id from `peerview campaign show`)
ops-several-candidates = "{ $who }" matches several candidates ({ $ids }); use the id
ops-campaign-not-here = campaign { $campaign } is not on this computer
ops-only-employer-deletes = only the employer side (the employer's node or a hub) deletes submissions; as a reviewer, ask the employer
ops-only-candidate-withdraws = only a candidate withdraws (this is a reviewer's or an employer-side node's invite)
ops-withdraw-sync-first = { $error } (sync once before withdrawing)
ops-already-deleted = the employer side already deleted this submission
# Messages and requests.
ops-request-extension = { $days ->
    [one] 1 more day
   *[other] { $days } more days
} before the deadline
ops-request-takes = { $takes ->
    [one] 1 more take
   *[other] { $takes } more takes
} per question
ops-request-time = { $percent }% more time to think and answer
ops-request-time-and-takes = { $percent }% more time and { $takes ->
    [one] 1 more take
   *[other] { $takes } more takes
} per question
ops-the-request = the request
ops-not-a-candidate = this computer is not a candidate of that campaign
ops-message-submission-deleted = the employer side deleted this submission; there is no one to write to
ops-message-not-sent = not sent: { $reason }
ops-keeping-message = keeping your message
ops-reviewers-may-not-write = reviewers of this campaign read the conversation; the employer decides whether they may write
ops-employer-answers-requests = the employer answers requests
ops-no-open-request = no open request { $id }
ops-no-open-requests = there is no open request
ops-several-open-requests = several open requests; say which (their ids are in `peerview status`)
ops-decline-needs-reason = say why the request is declined: the candidate reads it
ops-not-a-request = not a request
ops-grant-same-kind = the request asks for { $asked }; grant that kind
# The note a candidate reads when they were granted another figure than they asked for.
ops-granted-note = { $what } granted
ops-granted-note-with = { $what } granted. { $note }
ops-message-too-long = a message is at most { $max } characters (this one has { $chars })
ops-message-empty = the message is empty
ops-message-extension-range = an extension is 1 to { $max } days
ops-message-accommodation-range = an accommodation is up to { $percent }% more time and up to { $takes } more takes
ops-message-all-sent = you have sent the { $max } messages a submission allows
ops-message-day-budget = you have sent { $max } messages in the last 24 hours; please wait for an answer
ops-message-malformed = the message cannot be sent: { $reason }
# A conversation as `peerview status` prints it.
ops-thread-line = { $at }  { $who }: { $text }
ops-thread-candidate = candidate
ops-thread-employer = the employer
ops-thread-request-open = REQUEST { $what } [{ $id }]: { $reason } (open)
ops-thread-request-granted = REQUEST { $what } [{ $id }]: { $reason } (granted)
ops-thread-request-declined = REQUEST { $what } [{ $id }]: { $reason } (declined)
ops-thread-granted = GRANTED: { $what }
ops-thread-granted-note = GRANTED: { $what } — { $note }
ops-thread-declined = DECLINED: { $what }
ops-thread-declined-note = DECLINED: { $what } — { $note }
# The employer node, the local channel between Peerview processes, the relay.
ops-node-address-not-saved = could not save the node's address for invites: { $error }
ops-node-shutting-down = shutting down: { $error }
ops-recordings-no-hash = the running node stored the recording but did not say its hash
ops-local-another-peerview = another Peerview answers on { $path }
ops-local-removing-stale = removing the stale { $path }
ops-local-listening = listening on { $path } (a Unix socket path is limited to about 100 bytes)
ops-local-making-private = making { $path } private
ops-local-listening-pipe = listening on the named pipe { $path }
ops-local-request-too-long = a request is at most { $max } bytes
ops-local-not-a-request = not a request this node understands: { $error }
ops-local-not-an-app = the Peerview running on this data directory does not show the candidate's screens (it is `peerview serve`, or the app as an employer or reviewer); paste the invite there, or stop it and open the link again
ops-local-export-not-absolute = the export target must be an absolute path
ops-local-add-not-absolute = the recording's path must be absolute
ops-local-storing = storing { $path }: { $error }
ops-local-asking = asking the running node
ops-local-no-answer = the running node did not answer within { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}
ops-local-reading-answer = reading the running node's answer
ops-local-closed = the running node closed the connection without answering
ops-local-not-understood = the running node's answer is not understood: { $error }
ops-local-handing-over = handing the invite to the running Peerview
ops-local-reading-app-answer = reading the running Peerview's answer
ops-local-app-closed = the running Peerview closed the connection without answering
ops-local-app-not-understood = the running Peerview's answer is not understood: { $error }
ops-relay-stopping = stopping the relay: { $error }
ops-relay-stopped = the relay stopped: { $error }
ops-relay-tls-versions = TLS protocol versions
ops-relay-reading-cert = reading the certificate { $file }
ops-relay-not-pem = { $file } is not a PEM certificate chain
ops-relay-no-cert = { $file } holds no certificate
ops-relay-reading-key = reading the private key { $file } (PEM)
ops-relay-key-mismatch = the certificate and the key do not match
ops-relay-acme-needs-hostname = Let's Encrypt needs the relay's public hostname
ops-relay-starting = starting the relay: { $error }
ops-relay-http = http
ops-relay-http-captive = http (captive-portal check)
ops-relay-https = https
ops-relay-quic = quic address discovery
# Takes a crash interrupted, repaired at start.
ops-take-recovered = Recovered an interrupted take: { $file } ({ $bytes ->
    [one] 1 byte
   *[other] { $bytes } bytes
} kept, playable)
ops-take-nothing-playable = an interrupted take in { $dir } had nothing playable yet
ops-take-not-repaired = could not repair the interrupted take in { $dir }: { $error }
