# Protecție: pagina pe care o vede autorul unei afirmații reținute și formularul de semnalare a unei afirmații.

support-title = Afirmația ta este la un moderator
support-heading = Afirmația ta este la un moderator
support-held = Îți mulțumim că ai scris. Un moderator îți va citi afirmația înainte ca altcineva să o vadă.
support-help-heading = Dacă ai nevoie de ajutor acum
support-help-intro = Ce ai scris sună ca și cum tu sau altcineva ați putea să nu fiți în siguranță. Nu trebuie să ne aștepți: acești oameni te pot ajuta.
support-default = Poți suna gratuit la Samaritans oricând, zi și noapte, la 116 123, sau la NHS 111 pentru sfaturi medicale urgente.
support-emergency = Dacă cineva este în pericol imediat, sună la 999.
support-back = Înapoi la dialog
flag-title = Semnalează o afirmație
flag-heading = Semnalează această afirmație unui moderator
flag-statement-label = Afirmația
flag-reason-legend = De ce o semnalezi?
flag-reason-disclosure = Cineva ar putea fi în pericol de a fi rănit
flag-reason-personal-details = Numește pe cineva sau dă detalii personale despre cineva
flag-reason-abuse = Este jignitoare
flag-reason-misinformation = Poate răspândi informații despre sănătate care nu sunt adevărate
flag-reason-other = Altceva
flag-note-label = Ce vrei să adaugi (opțional)
flag-submit = Trimite unui moderator
flag-back = Înapoi la dialog fără semnalare
flag-choose-reason = Alege de ce semnalezi afirmația.
flag-already = Ai semnalat deja această afirmație. Un moderator o va citi.
flag-link = Semnalează această afirmație
notice-flagged = Îți mulțumim. Un moderator se va uita la afirmația pe care ai semnalat-o.

# Refuzuri pe care un participant le poate întâlni când semnalează o afirmație (nota și a unui
# moderator). API-ul trimite textul în engleză; o pagină spune același refuz în limba cititorului.
# Fiecare începe cu literă mică, fără punct, așa cum îl scrie API-ul.
flag-refused-note-too-long = nota poate avea cel mult { $max ->
        [one] { $max } caracter
        [few] { $max } caractere
       *[other] { $max } de caractere
    } (are { $length })
flag-refused-note-control = nota nu poate conține caractere de control
flag-refused-reason = motivul trebuie să fie unul dintre: disclosure, personal_details, abuse, misinformation, other
flag-refused-already = ai semnalat deja această afirmație; moderatorii o vor citi
