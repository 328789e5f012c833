# Refuzurile de acces: cine ce poate face, așa cum le spun API-ul și paginile.
# API-ul trimite textul în engleză; o pagină spune același refuz în limba cititorului ei. Fiecare
# începe cu literă mică și nu are punct la sfârșit, așa cum îl scrie API-ul; pagina face din el o propoziție.

## Cine poate vedea sau schimba un parteneriat, vorbi în numele unui partener sau conduce un dialog

access-refused-see-partnership = doar coordonatorii acestui parteneriat și reprezentanții partenerilor lui îl pot vedea
access-refused-convene = doar coordonatorii acestui parteneriat pot face asta
access-refused-no-partner = nu există un asemenea partener în acest parteneriat
access-refused-speak-for = doar reprezentanții acestui partener și coordonatorii parteneriatului pot face asta
access-refused-record-stance = doar reprezentanții acestui partener îi pot înregistra poziția
access-refused-answer-survey = doar reprezentanții acestui partener pot răspunde în numele lui la sondajul de încredere
access-refused-propose-for = doar reprezentanții acestui partener pot face propuneri pe hartă în numele lui
access-refused-name-partner = un reprezentant face propuneri în numele unui partener pe care îl reprezintă: indică-l în as_partner
access-refused-judge-links = doar reprezentanții acestui partener pot evalua legăturile hărții în numele lui
access-refused-pin-action = doar reprezentanții partenerilor care dețin sau împart această acțiune și coordonatorii parteneriatului o pot fixa pe hartă
access-refused-report-progress = doar reprezentanții partenerilor care dețin sau împart această acțiune și coordonatorii parteneriatului pot raporta cum avansează
access-refused-dialogue = doar coordonatorii parteneriatului căruia îi aparține acest dialog pot face asta
access-refused-key-cards = doar facilitatorii și coordonatorii acestui dialog pot introduce carduri pentru el
access-refused-moderate = doar moderatorii și coordonatorii acestui dialog pot face asta
access-refused-private-report = acest raport este pentru coordonatorii parteneriatului și pentru partenerii cu care a fost împărtășit
access-refused-outcomes-unpublished = acest parteneriat nu și-a publicat rezultatele
access-refused-no-calendar-feed = nu există un asemenea flux de calendar

## Cheia unui participant și adresa la care este prezentată

access-refused-path-no-dialogue = adresa nu indică niciun dialog
access-refused-dialogue-id = identificatorul dialogului nu este un număr
access-refused-token-other-dialogue = această cheie de participant aparține altui dialog
access-refused-map-not-open = această hartă nu este deschisă evaluărilor participanților
access-refused-token-unlinked-map = această cheie de participant aparține unui dialog de care această hartă nu este legată
access-refused-path-no-list = adresa nu indică nicio listă de priorități
access-refused-list-id = identificatorul listei de priorități nu este un număr
access-refused-token-other-list = această cheie de participant aparține altei liste de priorități
