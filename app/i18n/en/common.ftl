# Shared by the app and the command line: times, durations, sizes, answer kinds.
# Arguments: $year $month $day (two digits) $time (HH:MM) $zone (CET, UTC, Europe/Berlin).
common-date-time = { $year }-{ $month }-{ $day } { $time } { $zone }
# A deadline in the campaign's zone ($there) and the viewer's ($here) when they differ.
common-deadline-two-zones = { $there } ({ $here } where you are)
common-now = now
common-in-minutes = { $n ->
    [one] in 1 minute
   *[other] in { $n } minutes
}
common-in-hours = { $n ->
    [one] in 1 hour
   *[other] in { $n } hours
}
common-in-days = { $n ->
    [one] in 1 day
   *[other] in { $n } days
}
common-minutes-ago = { $n ->
    [one] 1 minute ago
   *[other] { $n } minutes ago
}
common-hours-ago = { $n ->
    [one] 1 hour ago
   *[other] { $n } hours ago
}
common-days-ago = { $n ->
    [one] 1 day ago
   *[other] { $n } days ago
}
common-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
common-megabytes = { $mb } MB
common-secs = { $s } s
common-mins = { $m } min
common-mins-secs = { $m } min { $s } s
common-kind-video = video
common-kind-audio = audio
common-kind-text = text
common-rules-text-unlimited = text · think { $think } · no time limit
common-rules-text = text · think { $think } · write within { $limit }
common-rules-recording = { $kind } · think { $think } · answer up to { $limit } · { $takes ->
    [one] 1 take
   *[other] { $takes } takes
}
# The language menu's label (each language's name is written in itself).
common-language = Language

# The app's frame: top bar, role choice, settings.
app-settings-not-saved = Could not save your settings: { $error }
app-dismiss = Dismiss
app-theme = Theme
app-theme-hint = Switch between light and dark
app-change-role = Change role
# The language menu's first entry: follow the system (whose language is named in itself).
app-language-system = System ({ $language })
app-role-candidate = Candidate
app-role-employer = Employer
app-role-reviewer = Reviewer
app-welcome = Welcome to Peerview
app-welcome-question = How will you use Peerview on this computer? You can change this later.
app-choose-candidate = I am a candidate
app-choose-candidate-detail = Open an interview invite and record your answers, even offline.
app-choose-employer = I am hiring
app-choose-employer-detail = Create interviews, invite candidates and review their answers.
app-choose-reviewer = I review for an employer
app-choose-reviewer-detail = Watch, rate and comment on candidates' answers.
app-invite-handed-over = The invite was opened in the Peerview window that is already running.
app-no-display = Peerview's window needs a graphical display, and none was found (neither DISPLAY nor WAYLAND_DISPLAY is set).
    On a server, run the headless employer node instead: `peerview serve` (candidates and reviewers connect to it); `peerview --help` lists every command.
app-window-failed = could not open Peerview's window: { $error }
    Peerview's window needs a graphical display, and none was found (neither DISPLAY nor WAYLAND_DISPLAY is set).
    On a server, run the headless employer node instead: `peerview serve`; `peerview --help` lists every command.

# Pieces shared by the candidate's and the employer's screens (app/src/gui/widgets.rs, devices.rs).
ui-waiting-for-picture = Waiting for the picture...
ui-mic-level = Microphone level
ui-mic-too-quiet = too quiet? speak up or move closer
ui-mic-good = good
# A recording that cannot be played: $file is its path, $error why.
ui-cannot-play = could not play { $file }: { $error }
# A recording without a picture; $label is its name ("Take 2").
ui-sound-only = { $label } (sound only)
ui-play = Play
ui-pause = Pause
ui-seek = Seek
ui-speed = Speed
# Playback speed: $speed is 0.5, 1, 1.5 or 2.
ui-speed-value = { $speed }x
# The synthetic devices' names (tests, and machines without a camera).
ui-test-pattern = Test pattern
ui-test-tone = Test tone
ui-quiet-test-tone = Quiet test tone
# Said by screen readers when a timed step starts and as time runs out ($duration is e.g. "2 min").
a11y-think-started = Think time. Recording starts in { $duration }.
a11y-recording-started = Recording. You have { $duration }.
a11y-writing-started = Writing. You have { $duration }.
a11y-think-left = Recording starts in { $seconds } seconds
a11y-time-left = { $seconds } seconds left
