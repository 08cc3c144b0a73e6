# candidate: filled as the screens and commands move their strings here.
