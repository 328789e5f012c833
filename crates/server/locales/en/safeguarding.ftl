# Safeguarding: the page the author of a held statement sees, and the form that flags a statement.

support-title = Your statement is with a moderator
support-heading = Your statement is with a moderator
support-held = Thank you for writing. A moderator will read your statement before anyone else sees it.
support-help-heading = If you need help now
support-help-intro = What you wrote sounds as if you or someone else may not be safe. You do not have to wait for us: these people can help.
support-default = You can call Samaritans free at any time, day or night, on 116 123, or call NHS 111 for urgent health advice.
support-emergency = If someone is in immediate danger, call 999.
support-back = Back to the dialogue
flag-title = Flag a statement
flag-heading = Flag this statement for a moderator
flag-statement-label = The statement
flag-reason-legend = Why are you flagging it?
flag-reason-disclosure = Someone may be at risk of harm
flag-reason-personal-details = It names someone or gives their personal details
flag-reason-abuse = It is abusive
flag-reason-misinformation = It may spread health information that is not true
flag-reason-other = Something else
flag-note-label = Anything you want to add (optional)
flag-submit = Send to a moderator
flag-back = Back to the dialogue without flagging
flag-choose-reason = Choose why you are flagging the statement.
flag-already = You have already flagged this statement. A moderator will read it.
flag-link = Flag this statement
notice-flagged = Thank you. A moderator will look at the statement you flagged.

# Refusals a participant can meet when flagging a statement (the note also a moderator's). The
# API sends the English; a page says the same refusal in its reader's language. Each starts in
# lower case without a full stop, as the API writes it.
flag-refused-note-too-long = note must be at most { $max } characters (it has { $length })
flag-refused-note-control = note must not contain control characters
flag-refused-reason = reason must be one of disclosure, personal_details, abuse, misinformation, other
flag-refused-already = you have already flagged this statement; moderators will read it
