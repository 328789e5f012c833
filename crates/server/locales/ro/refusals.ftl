# Refuzurile comune API-ului și paginilor: motivele pentru care serviciul nu face ce i s-a cerut.
# API-ul trimite textul în engleză; o pagină spune același refuz în limba cititorului ei. Fiecare
# începe cu literă mică și nu are punct la sfârșit, așa cum îl scrie API-ul; pagina face din el o propoziție.

refused-unauthenticated = pentru asta trebuie să te autentifici sau să ai o cheie de participant validă
refused-not-open = dialogul nu este încă deschis: se deschide pe { $opens } ({ $moment })
refused-no-dialogue = nu există un asemenea dialog
refused-no-statement = nu există o asemenea afirmație în acest dialog
refused-no-partnership = nu există un asemenea parteneriat
refused-constituency-not-in-dialogue = una dintre categoriile indicate nu este o categorie a acestui dialog
refused-not-found = { $entity }: nu s-a găsit
refused-in-another-dialogue = { $entity }: aparține altui dialog
refused-duplicate = { $entity }: există deja o înregistrare cu aceleași date ({ $field })
refused-duplicate-statement = dialogul are deja această afirmație (afirmația { $statement })
refused-rate-limited = prea multe încercări într-un timp scurt; încearcă din nou peste { $seconds ->
        [one] o secundă
        [few] { $seconds } secunde
       *[other] { $seconds } de secunde
    }
refused-idempotency-key-reused = același formular a fost deja trimis cu un alt vot
refused-dialogue-closed = dialogul este închis
refused-statements-disabled = dialogul nu primește afirmații de la participanți
refused-statement-rejected = afirmația a fost respinsă la moderare
refused-statement-pending = afirmația așteaptă moderarea
refused-statement-untranslated = afirmația așteaptă traducerea în limba dialogului
refused-partner-archived = partenerul este arhivat
refused-invitation-used = invitația a fost deja folosită
refused-invitation-revoked = invitația a fost revocată
refused-invitation-expired = invitația a expirat
refused-stale-version = versiunea actuală a obiectivului este acum versiunea { $version }
refused-objective-closed = în etapa în care se află, obiectivul nu permite această schimbare
refused-decision-basis-changed = în timp ce obiectivul era adoptat, ceva s-a schimbat: poziția unui partener, versiunea obiectivului, regula de decizie sau partenerii; uită-te din nou la obiectiv
refused-objective-not-adopted = acțiunile pot fi adăugate doar la un obiectiv adoptat
refused-constituency-not-in-list = una dintre categoriile indicate nu este o categorie a acestei liste de priorități
refused-not-in-list = { $entity }: nu face parte din această listă de priorități
refused-in-another-partnership = { $entity }: aparține altui parteneriat
refused-list-closed = lista de priorități este închisă
refused-options-disabled = lista de priorități nu primește opțiuni de la participanți
refused-duplicate-option = lista de priorități are deja această opțiune (opțiunea { $option })
refused-option-rejected = opțiunea a fost respinsă la moderare
refused-option-pending = opțiunea așteaptă moderarea
refused-pair-compared = acest participant a comparat deja aceste două opțiuni
refused-wave-closed = etapa sondajului de încredere este închisă
refused-map-closed = harta sistemului este închisă
refused-in-another-map = { $entity }: aparține altei hărți a sistemului
refused-trust-response-incomplete = un răspuns trimis trebuie să aibă un nivel pentru fiecare dintre ceilalți parteneri; lipsește nivelul pentru partenerii: { $partners }

# Numele tipurilor de înregistrări pe care le numesc refuzurile de mai sus.
refused-entity-partnership = parteneriat
refused-entity-partner = partener
refused-entity-convenor = coordonator
refused-entity-session = sesiune
refused-entity-dialogue = dialog
refused-entity-constituency = categorie
refused-entity-statement = afirmație
refused-entity-participant = participant
refused-entity-invitation = invitație
refused-entity-representative = reprezentant al unui partener
refused-entity-objective = obiectiv
refused-entity-action = acțiune
refused-entity-priority-list = listă de priorități
refused-entity-option = opțiune
refused-entity-trust-wave = etapă a sondajului de încredere
refused-entity-system-map = hartă a sistemului
refused-entity-factor = factor
refused-entity-link = legătură
refused-entity-flag = semnalare
refused-entity-round = rundă

# Valorile care trebuie să fie unice.
refused-field-name = nume
refused-field-email = adresă de e-mail
refused-field-external-id = identificator extern
refused-field-participant-code = cod de participant
refused-field-dialogue-participant = participant la dialog
refused-field-pair-of-factors = pereche de factori
refused-field-statement-and-participant = afirmație și participant

# Un text refuzat de regulile pe care le respectă orice text; $field este unul dintre numele de mai jos.
refused-text-empty = { $field }: nu ai scris nimic
refused-text-too-long = { $field }: are mai mult de { $max ->
        [one] { $max } caracter
        [few] { $max } caractere
       *[other] { $max } de caractere
    }
refused-text-control = { $field }: conține un caracter de control ascuns
refused-text-direction = { $field }: conține caracterul invizibil de direcție { $code }, care poate ascunde textul; șterge-l
refused-text-invisible = { $field }: nu are niciun caracter vizibil, ci doar spații, formatare invizibilă sau accente fără literă
refused-text-statement = textul afirmației
refused-text-dialogue-title = titlul dialogului
refused-text-dialogue-question = întrebarea dialogului
refused-text-description = descrierea
refused-text-partnership-name = numele parteneriatului
refused-text-purpose = scopul parteneriatului
refused-text-partner-name = numele partenerului
refused-text-constituency-name = numele categoriei
refused-text-objective-title = titlul obiectivului
refused-text-objective-text = textul obiectivului
refused-text-reason = motivul
refused-text-amendment = propunerea de modificare
refused-text-action-title = titlul acțiunii
refused-text-lead-role = rolul responsabilului
refused-text-progress-note = nota despre progres
refused-text-priority-list-title = titlul listei de priorități
refused-text-priority-question = întrebarea listei de priorități
refused-text-option = textul opțiunii
refused-text-wave-title = titlul etapei
refused-text-idempotency-key = cheia formularului

# A refusal the catalogues cannot word, as the service words it.
refused-as-written = { $message }
