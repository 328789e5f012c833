# Camera evenimentului în direct: vizualizarea pentru prezentare pe un ecran mare,
# vizualizarea facilitatorului cu comenzile ei, confirmarea dinaintea închiderii, afișul cu
# cod QR și avertismentul despre un link pe care oamenii din sală nu îl pot deschide.
# Mesajele ale căror chei se termină în -html pot conține marcaje.

## Titluri și linkurile dintre vizualizări

event-present-title = Prezentare · { $title }
event-facilitate-title = Facilitare · { $title }
event-close-title = Închidere · { $title }
event-poster-title = Afiș · { $title }
event-convenor-page-link = { $title }: pagina coordonatorului
event-facilitator-view-link = { $title }: vizualizarea facilitatorului
event-nav-present = Vizualizarea pentru prezentare
event-nav-facilitate = Vizualizarea facilitatorului, cu comenzi
event-nav-poster = Afiș cu cod QR
event-qr-alt = Cod QR care deschide linkul pentru participanți { $link }

## Vizualizarea pentru prezentare

event-join-heading = Participă de pe telefon
event-join-closed-heading = Acest dialog este închis
event-join-closed = Nu mai primește voturi sau afirmații. Mulțumim tuturor celor care au participat.
event-join-link-html = Sau deschide <a href="/d/{ $id }">{ $link }</a>
event-figures-heading = Până acum
event-figure-participants = Participanți
event-figure-votes = Voturi
event-figure-common-ground = Teren comun
event-voters = { $count ->
        [one] { $count } dintre participanți a votat.
       *[other] { $count } dintre participanți au votat.
    }
event-statements-state = Afirmații: { $state ->
        [closed] închise
        [open] participanții le pot scrie pe ale lor
       *[paused] afirmațiile noi sunt suspendate
    }.
event-who-heading = Cine participă
event-who-explained = Fiecare bară arată ponderea categoriei din totalul participanților; semnul roșu este ponderea pe care o așteptau coordonatorii.
event-people = { $count ->
        [one] { $count } persoană
        [few] { $count } persoane
       *[other] { $count } de persoane
    }
event-expected = așteptat { $share }
event-fewer-than-expected = mai puține decât se aștepta
event-unaffiliated = { $count ->
        [one] { $count } persoană nu a ales nicio categorie.
        [few] { $count } persoane nu au ales nicio categorie.
       *[other] { $count } de persoane nu au ales nicio categorie.
    }
event-ground-heading = Cel mai nou teren comun
event-ground-waiting = Terenul comun apare aici după ce oamenii au votat și au sosit primele rezultate.
event-ground-count = { $count ->
        [0] Nicio afirmație nu este încă teren comun.
        [one] { $count } afirmație este teren comun.
        [few] { $count } afirmații sunt teren comun.
       *[other] { $count } de afirmații sunt teren comun.
    }
event-ground-these = Acestea au o majoritate clară în fiecare grup de opinie și în fiecare categorie:
event-ground-explained = O afirmație devine teren comun când o majoritate clară este de acord în fiecare grup de opinie și în fiecare categorie.
event-refresh-explained = Cifrele se actualizează singure la câteva secunde.
event-refresh-link = Arată cele mai noi cifre
event-full-report = Raportul complet
event-live-updated = Rezultatele au fost actualizate cu voturi noi.

## Comenzile facilitatorului

event-controls-heading = Comenzi
event-controls-closed-html = Dialogul este închis. Îl poți redeschide din <a href="/convenor/dialogues/{ $id }">pagina coordonatorului</a>.
event-controls-open = Participanții pot scrie afirmații. Suspendarea lasă votul să continue, fără să mai intre afirmații noi.
event-pause = Suspendă afirmațiile noi
event-controls-paused = Afirmațiile noi sunt suspendate; participanții pot vota în continuare.
event-resume = Reia afirmațiile noi
event-close-link = Închide dialogul…
event-notice-paused = Afirmațiile noi sunt suspendate. Participanții pot vota în continuare; oricine încearcă să scrie află că afirmațiile sunt suspendate.
event-notice-resumed = Participanții pot scrie din nou afirmații.
event-notice-closed = Dialogul este închis: nu mai primește participanți, voturi sau afirmații. Raportul rămâne disponibil.
event-error-statements-choice = Alege dacă suspenzi sau reiei afirmațiile noi: formularul nu a trimis niciuna dintre variante.

## Închiderea dialogului

event-close-heading = Închizi dialogul?
event-close-already-html = Acest dialog este deja închis. Îl poți redeschide din <a href="/convenor/dialogues/{ $id }">pagina coordonatorului</a>.
event-close-explained = Închiderea oprește imediat, pentru toată lumea, participanții, voturile și afirmațiile noi. Raportul rămâne disponibil, iar dialogul îl poți redeschide mai târziu din pagina coordonatorului.
event-close-yes = Da, închide dialogul
event-close-no = Nu, lasă-l deschis
event-close-unconfirmed = Dialogul este încă deschis. Ca să-l închizi, alege „Da, închide dialogul”.

## Afișul cu cod QR

event-poster-print-hint = Tipărește această pagină pe hârtie A4 și afișeaz-o acolo unde o vor vedea oamenii.
event-poster-print = Tipărește afișul
event-poster-eyebrow = Spune-ți părerea
event-poster-step-scan = Îndreaptă camera telefonului spre cod sau tastează adresa de mai sus.
event-poster-step-vote = Citește afirmații scurte ale altor oameni și răspunde: de acord, nu sunt de acord sau sar peste.
event-poster-step-write = Adaugă o afirmație proprie dacă lipsește ceva.
event-poster-small = Durează câteva minute. Nu trebuie să-ți dai numele sau adresa de e-mail.

## Avertismentul despre un link care indică acest calculator

event-local-link-html = <strong>Oamenii din sală nu pot deschide acest link.</strong> { $link } indică acest calculator, așa că telefoanele și alte calculatoare nu îl pot accesa, și nici codul QR.
event-local-link-fix-html = Pornește serverul cu adresa la care îl pot accesa oamenii, de exemplu <code>commonground serve --public-url https://dialogue.example.org</code>, sau setează <code>COMMONGROUND_PUBLIC_URL</code> în mediul său ori <code>public_url</code> în fișierul său de configurare, apoi reîncarcă această pagină.
