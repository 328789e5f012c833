# Camera facilitării: pagina coordonatorului care invită facilitatori, foaia de carduri de
# hârtie de tipărit și ecranul pe care un facilitator introduce cardurile. Mesajele ale căror
# chei se termină în -html pot conține marcaje.

## Ce întreabă un card, pe foaie și pe ecranul de introducere

facilitation-agree = De acord
facilitation-disagree = Nu sunt de acord
facilitation-pass = Sar peste
facilitation-statement-label = Afirmație
facilitation-code-label = Codul participantului

## Ecranul de introducere

facilitation-entry-title = Introducerea cardurilor · { $title }
facilitation-entry-heading = Introducerea cardurilor
facilitation-entry-lead-html = Tastează codul participantului tipărit pe card, bifează ce este bifat pe card și salvează. Fiecare card contează ca un participant, exact ca cineva care participă online. <a href="/facilitator/dialogues/{ $id }/sheet">Tipărește o foaie cu carduri goale</a>.
facilitation-saved = Cardul { $code } a fost salvat: { $count ->
        [one] { $count } vot
        [few] { $count } voturi
       *[other] { $count } de voturi
    }, un participant nou.
facilitation-replaced = Cardul { $code } a înlocuit cardul introdus anterior cu același cod: { $count ->
        [one] { $count } vot
        [few] { $count } voturi
       *[other] { $count } de voturi
    }.
facilitation-next-blank = Următorul card este gol.
facilitation-statement-sent = Afirmația de pe cardul { $code } a fost trimisă în dialog și va fi moderată ca afirmația oricărui participant.
facilitation-entry-closed = Acest dialog este închis: nu mai primește carduri.
facilitation-channel-legend = Cum au ajuns răspunsurile la tine
facilitation-channel-paper = Un card de hârtie
facilitation-channel-facilitated = În persoană sau la telefon, cu mine
facilitation-constituencies-legend = Căsuțele de categorie bifate
facilitation-blank-hint = O afirmație lăsată necompletată pe card rămâne necompletată: lasă rândul ei gol.
facilitation-no-statements = Dialogul nu are încă afirmații la care să se voteze.
facilitation-replace = Înlocuiește cardul anterior cu acesta
facilitation-discard = Renunță la acest card
facilitation-save = Salvează cardul și treci la următorul
facilitation-statement-heading = O afirmație scrisă pe un card
facilitation-statement-explained = Introdu mai întâi cardul, apoi afirmația lui aici, cu același cod. Trece prin moderarea acestui dialog ca afirmația oricărui participant.
facilitation-statement-send = Trimite afirmația

## De ce a fost refuzat un card sau o afirmație

facilitation-error-channel = Alege dacă este un card de hârtie sau unul completat împreună cu un facilitator.
facilitation-error-keyed-already = Un card cu acest cod de participant a fost deja introdus. Dacă acest card îl corectează, înlocuiește cardul anterior; dacă este cardul altei persoane, verifică codul.
facilitation-error-code-empty = Tastează codul participantului tipărit pe card.
facilitation-error-code-invalid = Un cod de participant are între 1 și { $max } litere, cifre sau cratime.
facilitation-error-constituency = „{ $name }” nu este o categorie a acestui dialog.
facilitation-error-statement-not-found = O afirmație de pe card nu face parte din acest dialog.
facilitation-error-closed = Dialogul este închis.
facilitation-error-not-open = Dialogul nu este încă deschis: se deschide pe { $opens } ({ $stamp }).
facilitation-error-no-card = Niciun card cu acest cod de participant nu a fost introdus încă; introdu mai întâi cardul.
facilitation-error-duplicate = Dialogul are deja această afirmație (afirmația { $id }).
facilitation-error-statements-paused = Dialogul nu primește afirmații de la participanți.

## Foaia de carduri

facilitation-sheet-title = Carduri · { $title }
facilitation-sheet-back = { $title }: introducerea cardurilor
facilitation-sheet-heading = Carduri de tipărit
facilitation-sheet-explained-html = Tipărește această pagină: fiecare card este al unei singure persoane și are propriul cod. Oamenii bifează câte o căsuță pentru fiecare afirmație și categoriile din care fac parte; rândurile goale rămân goale. Apoi introdu cardurile pe <a href="/facilitator/dialogues/{ $id }/cards">ecranul de introducere</a>.
facilitation-sheet-number = Numărul de carduri
facilitation-sheet-make = Creează foaia
facilitation-card-label = Cardul { $code }
facilitation-card-code-html = Cod <strong>{ $code }</strong>
facilitation-card-caption = Afirmațiile de pe cardul { $code }
facilitation-box-agree = căsuță de bifat: de acord
facilitation-box-disagree = căsuță de bifat: nu sunt de acord
facilitation-box-pass = căsuță de bifat: sar peste
facilitation-box = căsuță de bifat
facilitation-card-i-am = Sunt:
facilitation-card-write = Lipsește ceva? Scrie-ți propria afirmație pe verso.
facilitation-error-cards-number = Cere un număr de carduri între 1 și { $max }.
facilitation-error-sheet-size = O foaie are între 1 și { $max } carduri.

## Facilitatorii unui dialog, pentru coordonatorii lui

facilitation-facilitators-title = Facilitatori · { $title }
facilitation-convenor-page-link = { $title }: pagina coordonatorului
facilitation-facilitators-heading = Facilitatori
facilitation-facilitators-lead = Facilitatorii introduc în acest dialog cardurile de hârtie și răspunsurile oamenilor de la un eveniment sau de la telefon. Nu pot face nimic altceva: nu coordonează și nu văd niciun alt dialog.
facilitation-key-yourself = Introdu chiar tu carduri
facilitation-print-sheet = Tipărește o foaie cu carduri
facilitation-link-once = Trimite acest link de unică folosință facilitatorului. Este afișat doar acum.
facilitation-link-label = Linkul de invitație
facilitation-invite-heading = Invită un facilitator
facilitation-email-label = Adresa sa de e-mail
facilitation-email-optional = (opțional: doar această adresă poate accepta)
facilitation-invite-button = Creează un link de invitație
facilitation-who-heading = Cine facilitează
facilitation-nobody-yet = Nimeni nu a acceptat încă o invitație.
facilitation-invitations-heading = Invitații
facilitation-anyone-with-link = oricine are linkul
facilitation-invitation-dates = Creată { $created }, expiră { $expires }.
facilitation-status-pending = în așteptare
facilitation-status-accepted = acceptată
facilitation-status-revoked = revocată
facilitation-status-expired = expirată
facilitation-error-email-too-long = Adresa de e-mail are mai mult de 254 de caractere.
facilitation-error-email-malformed = Adresa de e-mail nu are forma nume@domeniu.

## Refuzurile serviciului de facilitare și ale alegerii de către participant a grupurilor și
## afirmațiilor sale (aceleași refuzuri, fie că acționează singur, fie că un facilitator îi
## introduce cardul). API-ul JSON trimite textul englezesc; o pagină spune același refuz în
## limba ei. Fiecare începe cu literă mică, fără punct; $name este numele unei categorii așa cum
## a fost dat, între ghilimele.

facilitation-refused-no-invitation = nu există o astfel de invitație pentru acest dialog
facilitation-refused-sheet-size = o foaie are între 1 și { $max } carduri
facilitation-refused-code-empty = tastează codul participantului tipărit pe card
facilitation-refused-code-invalid = un cod de participant are între 1 și { $max } litere, cifre sau cratime
facilitation-refused-online = un card se introduce ca `paper` sau `facilitated`; voturile online vin chiar de la participanți
facilitation-refused-two-boxes = afirmația { $statement } are bifată mai mult de o căsuță; bifează una dintre de acord, nu sunt de acord sau sar peste
facilitation-refused-keyed-already = un card cu acest cod de participant a fost deja introdus; verifică cardul și înlocuiește-l pe cel anterior dacă acesta îl corectează
facilitation-refused-statement-not-on-card = o afirmație de pe card nu face parte din acest dialog
facilitation-refused-no-card = niciun card cu acest cod de participant nu a fost introdus încă; introdu mai întâi cardul
facilitation-refused-not-a-constituency = { $name } nu este o categorie a acestui dialog
facilitation-refused-groups-closed = acest dialog este închis, așa că grupurile din care faci parte nu se mai pot schimba
facilitation-refused-statement-limit = numărul maxim de afirmații pe care le poate scrie un participant într-un dialog este { $allowed }; votează în schimb afirmațiile celorlalți
