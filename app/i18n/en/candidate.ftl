# The candidate's screens (app/src/gui/candidate). The candidate may be nervous and reading in a
# second language: short sentences, plain words, polite.

## Shared by several screens
cand-back = Back
cand-back-home = Back to your interviews
cand-open-invite = Open an invite
cand-messages-title = Messages with the employer
# A take's name, e.g. under the player.
cand-take = Take { $number }
# A written answer's length.
cand-characters = { $count ->
    [one] 1 character
   *[other] { $count } characters
}
# Keys named in hints (the key on the keyboard).
cand-key-space = Space
cand-key-enter = Enter

## The bar at the foot of every screen
cand-connecting = Connecting to the employer...
cand-online = Online: connected to the employer
cand-online-relay = Online: connected to the employer via relay
cand-online-direct = Online: connected to the employer, direct
cand-offline = Offline: everything is saved on this computer and will be sent when the employer is reachable

## Notices above the screen
cand-notice-new-message = New message from { $title } about { $role }
cand-notice-invite-later = An invite link was opened. Finish this step, then choose "Open an invite": the link is filled in there.
cand-submit-failed = Your answers could not be submitted: { $error }
cand-problem-node = { $error }. Your interviews can be read, but not answered or sent.
cand-problem-take-dir = Could not prepare the take in { $dir }: { $error }
cand-problem-refused = The employer refused: { $reason }
cand-problem-withdraw = Could not withdraw: { $error }

## Home: the list of interviews
cand-home-title = Your interviews
cand-home-paste-hint = Or paste the invite link or ticket the employer sent you here (Ctrl+V).
cand-home-empty = You have no interviews yet. Open the invite link or ticket the employer sent you.
# $deadline: a date and time with its zone; $relative: "in 3 days", "2 hours ago".
cand-home-deadline = Deadline { $deadline } ({ $relative })
cand-home-status = Status: { $state }
cand-home-unread = { $count ->
    [one] 1 new message from the employer
   *[other] { $count } new messages from the employer
}
cand-home-open = Open { $title }
# An interview's state, after "Status:".
cand-state-advance = decided (advance)
cand-state-hold = decided (hold)
cand-state-reject = decided (reject)
cand-state-viewed = viewed by the employer
cand-state-received = received by the employer
cand-state-sending = submitted, sending { $percent }%
cand-state-submitted = submitted
cand-state-not-started = not started
cand-state-answered = { $answered } of { $total } answered

## Opening an invite
cand-invite-hint = Paste the invite link or ticket the employer sent you. It starts with "peerview:join/" or "pvinvite1".
cand-invite-ticket = Invite ticket
cand-invite-open = Open interview
cand-invite-contacting = Contacting the employer...
cand-join-not-a-ticket = this is not a Peerview invite ticket (it should start with "pvinvite1", "pvreview1" or "pvhub1", or be a link "peerview:join/...")
cand-join-bad-characters = the ticket contains characters that cannot be part of a ticket; copy it again, completely
cand-join-damaged = the ticket is damaged or incomplete (its checksum does not match); copy it again, completely
cand-join-unsupported = the ticket is from a newer version of Peerview; update Peerview to use it
cand-join-not-for-candidates = this is a reviewer's or an employer node's ticket; open it in the employer's Peerview
cand-join-no-store = the recordings store could not be opened
cand-join-unreachable = The employer's computer could not be reached, so the interview could not be downloaded yet. Check that you are online and try again later; the ticket stays valid.
cand-join-refused = The employer refused this invite: { $reason }.
cand-join-failed = The invite could not be opened: { $error }

## An interview's overview
cand-overview-from-employer = From the employer
cand-overview-how = How it works
cand-overview-questions = { $count ->
    [one] 1 question
   *[other] { $count } questions
}. Answer in one sitting or come back later: your answers are saved as you go.
# One line per question. $number: its place; $think and $limit: times as m:ss; $takes: how many takes.
cand-overview-rule-video = { $number }. video answer, { $think } to think, up to { $limit }, { $takes ->
    [one] 1 take
   *[other] { $takes } takes
}
cand-overview-rule-audio = { $number }. audio answer, { $think } to think, up to { $limit }, { $takes ->
    [one] 1 take
   *[other] { $takes } takes
}
cand-overview-rule-text = { $number }. written answer
cand-overview-practice = A practice question comes first; it never counts.
cand-overview-deadline = Deadline: { $deadline } ({ $relative })
cand-overview-see-status = See the status of your submission
cand-overview-deadline-passed = The deadline passed on { $deadline }. Ask the employer for more time under Messages.
cand-overview-check-devices = Check camera and microphone
cand-overview-continue = Continue with question { $number } of { $total }
cand-overview-review-submit = Review and submit
cand-overview-messages-new = Messages with the employer ({ $count } new)

## The device check
cand-check-title = Check your camera and microphone
cand-check-intro = Make sure you can be seen and heard. Nothing here is sent to the employer.
cand-check-mic = Microphone
cand-check-default-mic = Default microphone
cand-check-play-back = Play it back to check you are seen and heard:
# $left: the seconds left, e.g. "4 s".
cand-check-recording-test = Recording a test... { $left }
cand-check-record-test = Record a { $secs }-second test
cand-check-to-practice = Continue to the practice question
cand-check-start = Start the interview
cand-check-tip = Tip: record a short test and play it back before you start.
# The test recording's name under its player.
cand-check-test-recording = Your test recording
cand-check-test-failed = The test recording failed: { $error }
cand-capture-starting = Starting the camera and microphone...
# The live picture's name (read out by screen readers).
cand-capture-preview = Camera preview
cand-capture-no-camera = No camera found: video answers need one. Connect a camera and come back.
cand-capture-failed = The camera or microphone could not be started: { $error }
cand-device-failed = { $error }. Check the device and try again.

## Answering a question
cand-answer-practice = Practice question (it never counts)
cand-answer-question = Question { $number } of { $total }
cand-answer-think-hint = Think about your answer. Recording starts when the time is up.
cand-answer-think-hint-text = Think about your answer. Writing starts when the time is up.
# $time: minutes and seconds left, m:ss.
cand-answer-think-time = Think time { $time }
cand-answer-start-now = Start now
cand-answer-recording-left = Recording { $time } left
cand-answer-wrap-up = { $secs ->
    [one] 1 second left: time to wrap up
   *[other] { $secs } seconds left: time to wrap up
}
cand-answer-stop = Stop recording
cand-answer-saving = Saving your answer...
cand-answer-devices-not-ready = The camera or microphone is not ready; the take could not start.
cand-take-failed = Take { $number } could not be recorded: { $error }
cand-save-failed = Your answer could not be saved: { $error }
cand-save-no-store = Your answer could not be saved: the recordings store could not be opened.
cand-save-take-changed = Your answer could not be saved: the take changed on disk while it was being kept; record it again.

## Reviewing takes
cand-review-hint = Watch your take, then keep it or record it again.
# $duration: m:ss.
cand-review-take = Take { $number } ({ $duration })
cand-review-take-on-screen = Take { $number } ({ $duration }) (on screen)
cand-review-watch = Watch take { $number }
cand-review-keep = Keep take { $number }
cand-review-retake = Record again ({ $left } of { $max ->
    [one] 1 take
   *[other] { $max } takes
} left)
cand-review-no-takes-left = No takes left: keep the one you like best.

## A written answer
cand-text-time-left = Time left to write: { $time }
cand-text-label = Your answer
cand-text-save = Save answer

## The summary before submitting
cand-summary-title = Your answers
cand-summary-recorded = { $number }. { $prompt }: recorded ({ $duration })
cand-summary-written = { $number }. { $prompt }: written ({ $count ->
    [one] 1 character
   *[other] { $count } characters
})
cand-summary-missing = { $number }. { $prompt }: not answered yet
cand-summary-final = Once submitted, answers can no longer change.
cand-summary-submit = Submit
cand-summary-remaining = Answer the remaining questions

## The status of a submission
cand-status-title = { $title }: your submission
cand-status-not-submitted = You have not submitted your answers yet.
cand-status-decided = The employer has made a decision.
cand-status-viewed = The employer has watched your answers.
cand-status-received = The employer has received your answers.
cand-status-sent = Your answers are sent; waiting for the employer to confirm.
cand-status-sending = Your answers are saved on this computer and are being sent.
cand-step-recorded = Recorded
cand-step-submitted = Submitted
cand-step-sent = Sent
cand-step-received = Received by the employer
cand-step-viewed = Viewed
cand-step-decision = Decision
cand-step-done = done
cand-step-not-yet = not yet
cand-verdict-advance = The employer would like to move forward with you.
cand-verdict-reject = The employer decided not to move forward this time.
cand-verdict-hold = The employer has put your application on hold.
cand-status-employer-message = Message from the employer: { $message }
cand-status-sending-title = Sending your answers
cand-status-offline = You are offline. Your answers are safe on this computer and will be sent when the employer is reachable; you can close Peerview meanwhile.
# On a progress bar; $sent, $total and $rate are sizes ("12.5 MB"), $left is m:ss.
cand-upload-progress = { $sent } of { $total }
cand-upload-progress-rate = { $sent } of { $total }, { $rate }/s, about { $left } left

## Withdrawal and deletion
cand-deleted-title = Your submission was deleted.
# $reason: one of the cand-deletion-* messages.
cand-deleted-receipt = Deletion receipt: on { $date } the employer side deleted your answers, recordings, name and email from its computers ({ $reason }).
cand-deletion-by-employer = deleted by the employer
cand-deletion-withdrawn = withdrawn at the candidate's request
cand-deletion-retention = the retention period ended
cand-deleted-own-recordings = Your own recordings on this computer are still yours.
cand-withdrawn-title = You withdrew from this interview.
cand-withdrawn-pending = Your request to delete your submission goes to the employer with the next sync; the receipt appears here when it is done.
cand-withdrawn-offline = You are offline: the request waits on this computer.
cand-withdraw = Withdraw my application
cand-withdraw-hint = Asks the employer to delete your answers, recordings, name and email
cand-withdraw-confirm = Withdraw, and have the employer delete your submission?
cand-withdraw-yes = Yes, withdraw
cand-withdraw-stay = Stay in

## The conversation with the employer
cand-messages-empty = Questions about the role, the rules or a technical problem? Ask here; the employer answers here.
cand-messages-from-you = You:
cand-messages-from-employer = Employer:
# $what: one of the cand-request-{ days, takes, time, time-takes } messages; $reason: the candidate's words.
cand-request-granted = Request: { $what } (granted). { $reason }
cand-request-declined = Request: { $what } (declined). { $reason }
cand-request-waiting = Request: { $what } (waiting for an answer). { $reason }
cand-request-days = { $days ->
    [one] 1 more day before the deadline
   *[other] { $days } more days before the deadline
}
cand-request-takes = { $takes ->
    [one] 1 more take per question
   *[other] { $takes } more takes per question
}
cand-request-time = { $percent }% more time to think and answer
cand-request-time-takes = { $percent }% more time and { $takes ->
    [one] 1 more take
   *[other] { $takes } more takes
} per question
cand-outcome-granted = Request granted
cand-outcome-granted-note = Request granted: { $note }
cand-outcome-declined = Request declined
cand-outcome-declined-note = Request declined: { $note }
cand-messages-label = Your message
cand-messages-count = { $count } / { $max } characters
cand-messages-send = Send message
cand-message-refused = Your message could not be sent: { $error }
# "Ask for [3 more days] [Ask for more time]": a label, then fields whose number is followed by
# the *-suffix messages (which start with a space where the language puts one).
cand-ask-for = Ask for
cand-ask-days-suffix = { $days ->
    [one] {" "}more day
   *[other] {" "}more days
}
cand-ask-time-suffix = % more time
cand-ask-takes-suffix = { $takes ->
    [one] {" "}more take
   *[other] {" "}more takes
}
cand-ask-more-time = Ask for more time
cand-ask-accommodation = Ask for an accommodation
cand-ask-reason-hint = Your message above is the reason
