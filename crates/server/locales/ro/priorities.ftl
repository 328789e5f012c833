# Paginile participantului la o listă de priorități: alăturarea, compararea a câte două opțiuni,
# adăugarea unei opțiuni, „Datele tale” și ștergerea lor. Mesajele comune cu paginile dialogului
# sunt în participant.ftl.
# Mesajele ale căror chei se termină în -html pot conține marcaje; toate celelalte sunt text simplu.

## Comune mai multor pagini

priority-closed-heading = Această listă de priorități este închisă
priority-results-link = Vezi rezultatele
priority-your-data-link = Datele tale: vezi, descarcă sau șterge ce păstrează această listă despre tine
priority-or = sau
priority-progress-none = Nu ai comparat încă nicio pereche.
priority-form-expired = Acest formular a expirat sau nu a venit de pe acest site. Nu s-a înregistrat nimic. Întoarce-te, reîncarcă pagina și încearcă din nou.

## Alăturarea

priority-join-step-pairs = Vezi câte două opțiuni o dată.
priority-join-step-choose-html = Alege-o pe cea pe care parteneriatul ar trebui să o facă mai întâi sau spune că <strong>nu te poți decide</strong>.
priority-join-step-any = Răspunde la câte perechi vrei: fiecare răspuns contează și te poți opri oricând.
priority-join-step-add = Dacă lipsește ceva, poți adăuga propria ta opțiune.
priority-join-step-equal = Fiecare grup de oameni contează la fel în rezultate, oricâți ar participa din fiecare.
priority-join-start = Începe să compari
priority-join-closed-text = Nu mai primește participanți, opțiuni sau comparații noi. Mulțumim tuturor celor care au participat.

## Compararea

priority-compare-title = Compară · { $list }
priority-progress = { $count ->
        [one] Ai comparat { $count } pereche.
        [few] Ai comparat { $count } perechi.
       *[other] Ai comparat { $count } de perechi.
    }
priority-closed-compare-text = Nu mai primește comparații. Îți mulțumim că ai participat.
priority-pair-heading = Alege ce să se facă mai întâi
priority-undecided-legend = Nu te poți decide? Spune de ce, dacă vrei
priority-reason-equal = Amândouă contează la fel
priority-reason-unknown = Nu știu destul
priority-undecided = Nu mă pot decide
priority-keyboard-hint = Tastatură: apasă 1 sau ← pentru prima opțiune, 2 sau → pentru a doua, 0 sau N pentru „Nu mă pot decide”.
priority-done-heading = Ai comparat toate perechile
priority-done-text = Îți mulțumim: fiecare pereche de opțiuni care ți se poate arăta are răspunsul tău. Opțiunile adăugate mai târziu pot aduce perechi noi, așa că poți reveni.
priority-notice-recorded = Alegerea ta a fost înregistrată.
priority-notice-replayed = Alegerea aceasta fusese deja înregistrată; contează o singură dată.
priority-notice-already = Răspunseseși deja la această pereche, așa că rămâne primul tău răspuns. Iată altă pereche.
priority-missing-options = Alegerea nu a spus despre care două opțiuni este vorba. Nu s-a înregistrat nimic.
priority-missing-choice = Alege una dintre cele două opțiuni sau „Nu mă pot decide”. Nu s-a înregistrat nimic.
priority-unknown-reason = Motivul pentru „Nu mă pot decide” nu este unul oferit de această pagină. Nu s-a înregistrat nimic.
priority-too-fast = Alegi mai repede decât permite această listă, așa că alegerea nu a fost înregistrată. Așteaptă { $wait } și alege din nou: aceeași pereche este mai jos.
priority-closed-late = Această listă de priorități s-a închis înainte să ajungă alegerea ta, așa că nu a fost înregistrată. Îți mulțumim că ai participat: linkul către rezultate este mai jos.
priority-not-in-list = Una dintre opțiuni nu este în această listă de priorități. Nu s-a înregistrat nimic. Întoarce-te la listă și alege din nou.

## Adăugarea unei opțiuni

priority-add-heading = Lipsește ceva?
priority-add-lead = Adaugă o opțiune pe care să o compare toată lumea. Opțiunile care spun același lucru ca una aflată deja în listă nu sunt adăugate de două ori.
priority-add-lead-moderated = Adaugă o opțiune pe care să o compare toată lumea. Un coordonator verifică fiecare opțiune înainte să le fie arătată celorlalți. Opțiunile care spun același lucru ca una aflată deja în listă nu sunt adăugate de două ori.
priority-option-label = Opțiunea ta
priority-option-hint = { $max ->
        [one] Cel mult { $max } caracter, un lucru pe care l-ar putea face parteneriatul.
        [few] Cel mult { $max } caractere, un lucru pe care l-ar putea face parteneriatul.
       *[other] Cel mult { $max } de caractere, un lucru pe care l-ar putea face parteneriatul.
    }
priority-option-submit = Adaugă această opțiune
priority-option-error = Opțiunea ta: { $message }
priority-option-too-fast = Adaugi opțiuni mai repede decât permite această listă. Textul tău este păstrat mai jos: așteaptă { $wait } și trimite-l din nou.
priority-option-duplicate = Această listă are deja o opțiune care spune același lucru. Compar-o când apare sau propune ceva diferit.
priority-option-limit = Ai adăugat câte opțiuni poate adăuga o persoană ({ $limit }). Îți mulțumim: te rugăm să compari acum opțiunile celorlalți.
priority-option-disabled = Această listă nu primește opțiuni de la participanți.
priority-option-closed = Această listă de priorități s-a închis, așa că nu mai primește opțiuni.
priority-notice-option-added = Îți mulțumim. Opțiunea ta a fost adăugată, iar ceilalți vor fi întrebați despre ea.
priority-notice-option-pending = Îți mulțumim. Opțiunea ta va fi comparată după ce un coordonator o acceptă. Poți vedea unde se află mai jos și în „Datele tale”.
priority-mine-heading = Opțiunile adăugate de tine
priority-status-rejected = neacceptată
priority-status-accepted = în curs de comparare
priority-status-pending-shown = în curs de comparare; un coordonator o mai poate verifica
priority-status-pending = așteaptă un coordonator

## Datele tale

priority-my-data-title = Datele tale · { $list }
priority-my-data-lead = Acesta este tot ce păstrează această listă de priorități despre tine. Doar un browser care are cheia ta aleatorie, cea pe care acest dispozitiv o păstrează într-un cookie, poate vedea această pagină.
priority-my-data-linked = Ți-ai legat participarea de dialogul parteneriatului, așa că rezultatele pot citi acolo grupul tău de opinie.
priority-comparisons-heading = Comparațiile tale
priority-comparisons-count = { $count ->
        [one] Ai comparat { $count } pereche.
        [few] Ai comparat { $count } perechi.
       *[other] Ai comparat { $count } de perechi.
    }
priority-comparisons-caption = Fiecare pereche pe care ai comparat-o, de la cea mai veche
priority-column-pair = Perechea
priority-column-answer = Răspunsul tău
priority-answer-first = Mai întâi „{ $option }”
priority-answer-undecided = Nu mă pot decide
priority-answer-equal = Nu mă pot decide: amândouă contează la fel
priority-answer-unknown = Nu mă pot decide: nu știu destul
priority-no-options = Nu ai adăugat nicio opțiune.
priority-my-data-erase-lead = Îți poți șterge oricând comparațiile și opțiunile din această listă, chiar și după ce s-a închis. Ți se va cere mai întâi să confirmi.
priority-back-to-comparing = Înapoi la comparat

## Ștergerea datelor

priority-erase-title = Șterge-ți datele · { $list }
priority-erase-comparisons = { $count ->
        [one] Comparația ta este eliminată, iar rezultatele nu o mai numără.
        [few] Cele { $count } comparații ale tale sunt eliminate, iar rezultatele nu le mai numără.
       *[other] Cele { $count } de comparații ale tale sunt eliminate, iar rezultatele nu le mai numără.
    }
priority-erase-options = { $count ->
        [one] Opțiunea pe care ai adăugat-o este eliminată dacă nimeni altcineva nu a comparat-o. Dacă alții au comparat-o, rămâne, pentru că răspunsurile lor sunt despre ea, dar nu mai este legată de tine.
        [few] Din cele { $count } opțiuni pe care le-ai adăugat, sunt eliminate cele pe care nu le-a comparat nimeni altcineva. Cele comparate de alții rămân, pentru că răspunsurile lor sunt despre ele, dar nu mai sunt legate de tine.
       *[other] Din cele { $count } de opțiuni pe care le-ai adăugat, sunt eliminate cele pe care nu le-a comparat nimeni altcineva. Cele comparate de alții rămân, pentru că răspunsurile lor sunt despre ele, dar nu mai sunt legate de tine.
    }
priority-erase-join-again = Te poți alătura din nou listei după aceea, ca participant nou.
priority-erase-confirm = Înțeleg că comparațiile și opțiunile mele vor fi șterse definitiv

## După ștergere

priority-erased-title = Datele tale au fost șterse · { $list }
priority-erased-comparisons = { $count ->
        [one] { $count } comparație eliminată; rezultatele nu o mai numără.
        [few] { $count } comparații eliminate; rezultatele nu le mai numără.
       *[other] { $count } de comparații eliminate; rezultatele nu le mai numără.
    }
priority-erased-options-removed = { $count ->
        [one] { $count } opțiune de-a ta eliminată.
        [few] { $count } opțiuni de-ale tale eliminate.
       *[other] { $count } de opțiuni de-ale tale eliminate.
    }
priority-erased-options-unlinked = { $count ->
        [one] { $count } opțiune de-a ta păstrată pentru cei care au comparat-o, fără să mai fie legată de tine.
        [few] { $count } opțiuni de-ale tale păstrate pentru cei care le-au comparat, fără să mai fie legate de tine.
       *[other] { $count } de opțiuni de-ale tale păstrate pentru cei care le-au comparat, fără să mai fie legate de tine.
    }
priority-erased-back-html = <a href="{ $href }">Înapoi la listă</a>, unde te poți alătura din nou ca participant nou.

## Rezultatele, pe care le poate citi oricine

priority-results-title = Rezultate · { $list }
priority-results-eyebrow = Rezultate
priority-results-eyebrow-open = Rezultate până acum
priority-results-empty-heading = Încă nicio comparație
priority-results-empty = Nimeni nu a comparat încă două opțiuni din această listă. Când oamenii vor începe să compare, această pagină va arăta ce opțiuni ar vrea ei ca parteneriatul să facă mai întâi, în total și pentru fiecare grup de oameni, și cât de sigură este această ordine.
priority-results-empty-waiting = { $count ->
        [one] Nimeni nu a comparat încă două opțiuni din această listă; { $count } opțiune așteaptă. Când oamenii vor începe să compare, această pagină va arăta ce opțiuni ar vrea ei ca parteneriatul să facă mai întâi, în total și pentru fiecare grup de oameni, și cât de sigură este această ordine.
        [few] Nimeni nu a comparat încă două opțiuni din această listă; { $count } opțiuni așteaptă. Când oamenii vor începe să compare, această pagină va arăta ce opțiuni ar vrea ei ca parteneriatul să facă mai întâi, în total și pentru fiecare grup de oameni, și cât de sigură este această ordine.
       *[other] Nimeni nu a comparat încă două opțiuni din această listă; { $count } de opțiuni așteaptă. Când oamenii vor începe să compare, această pagină va arăta ce opțiuni ar vrea ei ca parteneriatul să facă mai întâi, în total și pentru fiecare grup de oameni, și cât de sigură este această ordine.
    }
priority-results-take-part = Participă
priority-results-go-on = Continuă să compari
priority-results-as-data = Aceste rezultate ca date (JSON)
priority-results-in-short = Pe scurt
priority-results-made = { $participants ->
        [one] { $participants } persoană a făcut
        [few] { $participants } persoane au făcut
       *[other] { $participants } de persoane au făcut
    } { $comparisons ->
        [one] { $comparisons } comparație
        [few] { $comparisons } comparații
       *[other] { $comparisons } de comparații
    } între { $options ->
        [one] { $options } opțiune
        [few] { $options } opțiuni
       *[other] { $options } de opțiuni
    }.
priority-results-decided = În { $decided } dintre ele, una dintre opțiuni a fost aleasă mai întâi.
priority-results-decided-undecided = În { $decided } dintre ele, una dintre opțiuni a fost aleasă mai întâi; { $undecided ->
        [one] o dată
        [few] de { $undecided } ori
       *[other] de { $undecided } de ori
    } oamenii nu s-au putut decide.
priority-results-first-html = Pe primul loc: <strong>{ $option }</strong>
priority-results-first-equal-html = Când fiecare grup de oameni contează la fel, pe primul loc este: <strong>{ $option }</strong>
priority-results-equal-weight-html = Fiecare grup de oameni contează o singură dată, oricâți dintre membrii săi ar fi participat: <strong>scorul cu pondere egală</strong> este media scorurilor pe care fiecare grup le dă unei opțiuni ({ $groups }). <strong>Scorul general</strong> de alături numără fiecare comparație la fel.
priority-results-head-count-only = Niciun grup de oameni nu are încă o comparație cu un câștigător, așa că clasamentul numără fiecare comparație la fel (scorul general).
priority-results-score-explained = Un scor este șansa, din 100, ca o opțiune să fie aleasă mai întâi în locul unei alte opțiuni din listă, alese la întâmplare. Linia desenată arată unde se află probabil scorul general (un interval de 95%): cu cât sunt mai multe comparații, cu atât linia este mai scurtă.
priority-results-ranking-heading = Clasamentul
priority-results-caption-equal = Toate opțiunile, după scorul cu pondere egală, cu ambele scoruri
priority-results-caption-head-count = Toate opțiunile, după scorul general, cu ambele scoruri
priority-results-column-rank = Locul
priority-results-column-option = Opțiunea
priority-results-column-equal-weight = Scorul cu pondere egală
priority-results-column-head-count = Scorul general
priority-results-column-head-count-range = Scorul general și intervalul său probabil
priority-results-column-record = Aleasă mai întâi / nu / nu se pot decide
priority-results-rank-likely = (locul { $rank }; probabil între { $low } și { $high })
priority-results-axis = Axa fiecărui desen merge de la 0 în stânga la 100 în dreapta; linia subțire din mijloc înseamnă 50, adică o șansă egală.
priority-results-groups-heading = Ce pune fiecare grup pe primul loc
priority-results-groups-lead = Primele { $top } locuri ale fiecărui grup, doar din comparațiile membrilor săi.
priority-results-group-counts = { $participants ->
        [one] { $participants } persoană
        [few] { $participants } persoane
       *[other] { $participants } de persoane
    }, { $comparisons ->
        [one] { $comparisons } comparație
        [few] { $comparisons } comparații
       *[other] { $comparisons } de comparații
    }.
priority-results-group-counts-uncounted = { $participants ->
        [one] { $participants } persoană
        [few] { $participants } persoane
       *[other] { $participants } de persoane
    }, { $comparisons ->
        [one] { $comparisons } comparație
        [few] { $comparisons } comparații
       *[other] { $comparisons } de comparații
    }; încă nu contează în scorul cu pondere egală, deoarece nicio comparație a lor nu are un câștigător.
priority-results-score = (scor { $score })
priority-results-group-none = Încă nicio comparație din partea acestui grup.
priority-results-divergence-heading = Unde diferă cel mai mult grupurile
priority-results-divergence-html = <strong>{ $first }</strong> și <strong>{ $second }</strong> diferă cel mai mult: primele lor { $size } locuri au în comun { $shared ->
        [one] { $shared } opțiune
        [few] { $shared } opțiuni
       *[other] { $shared } de opțiuni
    }.
priority-results-only = Doar la { $group } în primele { $size } locuri
priority-results-other-rank = ({ $group }: locul { $rank })
priority-results-shortlist-heading = Lista scurtă pentru un atelier
priority-results-shortlist-lead = Ca într-un parteneriat de stabilire a priorităților după modelul James Lind Alliance, lista scurtă cuprinde fiecare opțiune pe care cel puțin un grup a pus-o în primele sale { $size } locuri, astfel încât prioritățile niciunui grup să nu rămână în afara discuției finale. Punctele se adună de la toate grupurile: { $size } pentru primul loc al unui grup, 1 pentru locul { $size }.
priority-results-shortlist-caption = Lista scurtă, cu cele mai multe puncte întâi
priority-results-column-points = Puncte
priority-results-column-in-top = În primele { $size } locuri la
priority-results-added-heading = Opțiuni adăugate de participanți
priority-results-added-html = <strong>{ $option }</strong>: locul { $rank } din { $total } (scor { $score }).
priority-results-added-shortlisted-html = <strong>{ $option }</strong>: locul { $rank } din { $total } (scor { $score }), pe lista scurtă.

## Ce refuză serviciul: fiecare mesaj începe cu literă mică, fără punct la final; pagina face
## din el o propoziție.

priority-refused-not-a-constituency = { $name } nu este o categorie a acestei liste de priorități
priority-refused-dialogue-token = cheia din dialog nu aparține unui participant la dialogul de care este legată această listă
priority-refused-same-option = opțiunile din stânga și din dreapta trebuie să fie opțiuni diferite
priority-refused-reason-not-neither = un motiv se dă doar cu alegerea `neither` („Nu mă pot decide”)
priority-refused-option-limit = numărul maxim de opțiuni pe care un participant le poate adăuga la o listă de priorități este { $allowed }; compară în schimb opțiunile celorlalți
priority-refused-results-for-convenors = rezultatele acestei liste de priorități sunt doar pentru coordonatorii parteneriatului ei
