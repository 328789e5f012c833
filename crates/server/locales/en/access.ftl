# Refusals of access: who may do what, as the API and the pages say them.
# The API sends the English; a page says the same refusal in its reader's language. Each starts
# in lower case without a full stop, as the API writes it; a page makes it a sentence.

## Who may see or change a partnership, speak for a partner, or run a dialogue

access-refused-see-partnership = only the convenors of this partnership and its partners' representatives may see it
access-refused-convene = only the convenors of this partnership may do this
access-refused-no-partner = no such partner in this partnership
access-refused-speak-for = only this partner's representatives and the partnership's convenors may do this
access-refused-record-stance = only this partner's representatives may record its stance
access-refused-answer-survey = only this partner's representatives may answer the trust survey for it
access-refused-propose-for = only this partner's representatives may propose to the map for it
access-refused-name-partner = a representative proposes for a partner it represents: name it in as_partner
access-refused-judge-links = only this partner's representatives may judge the map's links for it
access-refused-pin-action = only the representatives of the partners that own or share this action, and the partnership's convenors, may pin it to the map
access-refused-report-progress = only the representatives of the partners that own or share this action, and the partnership's convenors, may report its progress
access-refused-dialogue = only convenors of the partnership that owns this dialogue may do this
access-refused-key-cards = only the facilitators and convenors of this dialogue may key cards for it
access-refused-moderate = only the moderators and convenors of this dialogue may do this
access-refused-private-report = this report is for the partnership's convenors and the partners it is shared with
access-refused-outcomes-unpublished = this partnership has not published its outcomes
access-refused-no-calendar-feed = no such calendar feed

## A participant's token, and the address it is presented at

access-refused-path-no-dialogue = the path names no dialogue
access-refused-dialogue-id = the dialogue id is not a number
access-refused-token-other-dialogue = this participant token belongs to another dialogue
access-refused-map-not-open = this map is not open to participants' judgments
access-refused-token-unlinked-map = this participant token belongs to a dialogue this map is not linked to
access-refused-path-no-list = the path names no priority list
access-refused-list-id = the priority list id is not a number
access-refused-token-other-list = this participant token belongs to another priority list
