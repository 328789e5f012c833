# Paginile participantului: alăturarea la un dialog, votul, scrierea unei afirmații și „Datele tale”.
# Mesajele ale căror chei se termină în -html pot conține marcaje; toate celelalte sunt text simplu.

## Comune mai multor pagini

dialogue-back = Înapoi la dialog
dialogue-opens-on = Acest dialog se deschide pe { $opens }
dialogue-open-until-sentence = Este deschis până pe { $closes }.
dialogue-what-came-of-this = Ce a ieșit din asta
dialogue-next-step = Acum, parteneriatul alege ce să facă mai întâi:
dialogue-you-said = Ai spus că ești: { $groups }.

## Datele unui dialog, într-o singură propoziție

dates-opens-until = Se deschide pe { $opens }, deschis până pe { $closes }.
dates-opens = Se deschide pe { $opens }.
dates-open-until = Deschis până pe { $closes }.
dates-closed-on = Închis pe { $closes }, la ora stabilită.
dates-open-since = Deschis din { $opens }.
# Un moment în UTC, de exemplu „12 martie 2027, 17:00 UTC”; $month este numărul lunii.
date-time = { $day } { $month ->
        [1] ianuarie
        [2] februarie
        [3] martie
        [4] aprilie
        [5] mai
        [6] iunie
        [7] iulie
        [8] august
        [9] septembrie
        [10] octombrie
        [11] noiembrie
       *[12] decembrie
    } { $year }, { $time } UTC

date-day = { $day } { $month ->
        [1] ianuarie
        [2] februarie
        [3] martie
        [4] aprilie
        [5] mai
        [6] iunie
        [7] iulie
        [8] august
        [9] septembrie
        [10] octombrie
        [11] noiembrie
       *[12] decembrie
    } { $year }

## Alăturarea

join-how-heading = Cum funcționează
join-step-one-at-a-time = Vezi afirmații scurte, una câte una.
join-step-choose-html = Pentru fiecare, alege <strong>De acord</strong>, <strong>Nu sunt de acord</strong> sau <strong>Sar peste / Nu știu</strong>.
join-step-write = Dacă lipsește ceva, poți scrie propria ta afirmație.
join-step-stand = După câteva voturi, vezi unde te afli printre toți cei care participă.
join-groups-hint = Asta ajută ca fiecare grup de oameni să fie ascultat în mod egal. Este opțional.
join-anonymous = Participi fără să îți dai numele sau vreun mod de contact. Acest dispozitiv păstrează o cheie aleatorie într-un cookie, ca să poți reveni de unde ai rămas.
join-start = Începe
join-results-so-far = Vezi rezultatele de până acum

## Un dialog închis sau încă nedeschis

closed-come-back = Revino atunci ca să participi: vei vedea afirmații scurte, una câte una, și vei spune dacă ești de acord.
closed-no-longer = Acest dialog este închis: nu mai primește participanți noi sau voturi.
closed-read-results = Citește rezultatele

## Votul

vote-progress = { $total ->
        [one] { $voted } din { $total } afirmație votată
        [few] { $voted } din { $total } afirmații votate
       *[other] { $voted } din { $total } de afirmații votate
    }
vote-closed-heading = Acest dialog este închis
vote-closed-text = Nu mai primește voturi. Îți mulțumim că ai participat.
vote-not-open-text = De atunci vei putea vota și scrie afirmații.
vote-question = Ești de acord cu această afirmație?
vote-agree = De acord
vote-disagree = Nu sunt de acord
vote-pass = Sar peste / Nu știu
vote-keyboard-hint = Tastatură: apasă A pentru de acord, D pentru nu sunt de acord, P pentru a sări peste.
vote-recorded = Votul a fost înregistrat.
vote-done-heading = Ai votat toate afirmațiile
vote-done-text = Îți mulțumim. Alții pot adăuga afirmații noi: revino mai târziu ca să le votezi.
vote-write-link = Scrie propria ta afirmație
vote-your-data-link = Datele tale: vezi, descarcă sau șterge ce păstrează acest dialog despre tine
vote-missing-statement = Votul nu a spus pentru ce afirmație este.
vote-missing-choice = Alege De acord, Nu sunt de acord sau Sar peste.
notice-written = Îți mulțumim. Afirmația ta a fost adăugată, iar ceilalți o pot vota acum. Contează ca acordul tău, așa că nu ți se va cere să o votezi.
notice-written-pending = Îți mulțumim. Afirmația ta va fi arătată celorlalți după ce un coordonator o acceptă. Contează ca acordul tău, așa că nu ți se va cere să o votezi.
notice-vote-changed = Votul tău a fost schimbat. Rezultatele numără noul tău vot.
notice-groups-changed = Grupurile din care faci parte au fost schimbate.

## Unde te afli

stand-heading = Unde te afli
stand-group-html = Ești în <strong>{ $group }</strong>.
stand-group-of-html = Ești în <strong>{ $group }</strong>, { $size ->
        [one] singura persoană care votează
        [few] una dintre cele { $size } persoane care votează
       *[other] una dintre cele { $size } de persoane care votează
    } la fel.
stand-holds-heading = Ce susține în mod distinct grupul tău
stand-holding-agree = { $count } din { $seen } ({ $percent }) sunt de acord
stand-holding-disagree = { $count } din { $seen } ({ $percent }) nu sunt de acord
stand-vote-more = { $needed ->
        [one] Votează cel puțin { $needed } afirmație ca să vezi unde te afli printre toți cei care participă.
        [few] Votează cel puțin { $needed } afirmații ca să vezi unde te afli printre toți cei care participă.
       *[other] Votează cel puțin { $needed } de afirmații ca să vezi unde te afli printre toți cei care participă.
    }
stand-full-results = Vezi rezultatele complete
stand-first-drawing = Harta opiniilor se desenează pentru prima dată. Reîncarcă pagina peste câteva momente ca să vezi unde te afli.
stand-not-on-map = Voturile tale nu sunt încă pe hartă: ea se redesenează la câteva secunde după ce sosesc voturile. Reîncarcă pagina în curând.
stand-no-groups-yet = Ești pe hartă, dar grupurile nu sunt încă clare. Mai multe voturi, ale tale și ale altora, le vor arăta.

## Scrierea unei afirmații

write-title = Scrie o afirmație · { $dialogue }
write-heading = Scrie o afirmație
write-before-heading = Înainte să scrii
write-rule-one-thing = Spune un singur lucru, clar, astfel încât alții să poată fi de acord sau nu cu el.
write-rule-no-names = Nu numi și nu descrie pe nimeni care ar putea fi recunoscut.
write-policy-pre = Un coordonator citește fiecare afirmație înainte ca alții să o vadă. Afirmațiile în afara subiectului, jignitoare sau care ar putea identifica o persoană nu sunt acceptate.
write-policy-post = Afirmația ta este arătată celorlalți imediat. Un coordonator poate elimina mai târziu afirmațiile în afara subiectului, jignitoare sau care ar putea identifica o persoană.
write-label = Afirmația ta
write-hint = { $max ->
        [one] Cel mult { $max } caracter.
        [few] Cel mult { $max } caractere.
       *[other] Cel mult { $max } de caractere.
    }
write-counter = { $used } din { $max ->
        [one] { $max } caracter
        [few] { $max } caractere
       *[other] { $max } de caractere
    }
write-submit = Trimite afirmația
write-back = Înapoi la vot
write-error = Afirmația ta: { $message }
write-duplicate = Acest dialog are deja o afirmație care spune același lucru. Voteaz-o sau spune ceva nou.
write-limit-reached = Ai scris câte afirmații poate scrie o persoană în acest dialog ({ $limit }). Îți mulțumim: te rugăm să votezi acum afirmațiile celorlalți.
write-closed = Acest dialog este închis, așa că nu se mai pot adăuga afirmații.
write-not-open = Acest dialog nu este încă deschis: se deschide pe { $opens }. De atunci se pot adăuga afirmații.
write-not-taking = Coordonatorii nu primesc acum afirmații noi în acest dialog. Poți vota în continuare afirmațiile existente.
write-too-fast = Trimiți afirmații mai repede decât permite acest dialog. Textul tău este păstrat mai jos: așteaptă { $wait } și trimite-l din nou.
wait-seconds = { $seconds ->
        [one] o secundă
        [few] { $seconds } secunde
       *[other] { $seconds } de secunde
    }
wait-minutes = { $minutes ->
        [one] un minut
        [few] { $minutes } minute
       *[other] { $minutes } de minute
    }

## Datele tale

my-data-title = Datele tale · { $dialogue }
my-data-heading = Datele tale
my-data-back = Înapoi la datele tale
my-data-lead = Acesta este tot ce păstrează acest dialog despre tine. Doar un browser care are cheia ta aleatorie, cea pe care acest dispozitiv o păstrează într-un cookie, poate vedea această pagină.
my-data-about-heading = Despre tine
my-data-participant = Ești participantul numărul { $number }. Te-ai alăturat pe { $joined }.
my-data-no-groups = Nu ai spus din ce grupuri de oameni faci parte.
my-data-change-groups = Schimbă grupurile din care faci parte
my-data-nothing-else = { -brand } nu îți cere numele sau datele de contact și nu înregistrează adresa ta de internet sau ce browser folosești.
my-data-change-heading = Schimbă un vot
my-data-change-lead = Te-ai răzgândit? Votează din nou: rezultatele numără cel mai nou vot al tău.
my-data-vote-now-html = Votul tău acum: <strong>{ $vote }</strong>
my-data-agree-instead = De acord, de fapt
my-data-disagree-instead = Nu sunt de acord, de fapt
my-data-pass-instead = Sar peste / Nu știu, de fapt
my-data-votes-heading = Voturile tale
my-data-votes-lead = { $count ->
        [one] Ai votat { $count } afirmație. Unde te-ai răzgândit, fiecare vot dat este în listă; rezultatele numără doar ultimul tău vot pentru fiecare afirmație.
        [few] Ai votat { $count } afirmații. Unde te-ai răzgândit, fiecare vot dat este în listă; rezultatele numără doar ultimul tău vot pentru fiecare afirmație.
       *[other] Ai votat { $count } de afirmații. Unde te-ai răzgândit, fiecare vot dat este în listă; rezultatele numără doar ultimul tău vot pentru fiecare afirmație.
    }
my-data-votes-caption = Fiecare vot dat, de la cel mai vechi
my-data-column-statement = Afirmația
my-data-column-vote = Votul tău
my-data-column-when = Când
my-data-column-counted = Numărat
my-data-column-status = Stare
my-data-counted-yes = Da
my-data-counted-no = Nu, schimbat ulterior
my-data-no-votes = Nu ai votat încă.
my-data-statements-heading = Afirmațiile scrise de tine
my-data-statements-lead = Fiecare afirmație scrisă de tine contează ca acordul tău cu ea.
my-data-statements-caption = Afirmațiile scrise de tine, de la cea mai veche
my-data-rejection-reason = Motivul coordonatorului: { $reason }
my-data-no-statements = Nu ai scris nicio afirmație.
my-data-download-heading = Descarcă datele tale
my-data-download-lead = Un fișier cu tot ce este pe această pagină, în JSON, un format pe care îl pot citi alte programe.
my-data-download = Descarcă datele tale (fișier JSON)
my-data-erase-lead = Îți poți șterge oricând voturile și afirmațiile din acest dialog, chiar și după ce s-a închis. Ți se va cere mai întâi să confirmi.
my-data-erase = Șterge datele mele…
vote-word-agree = De acord
vote-word-disagree = Nu sunt de acord
vote-word-pass = Sar peste / Nu știu
status-rejected = neacceptată
status-accepted = arătată celorlalți
status-pending-shown = arătată celorlalți; un coordonator o mai poate verifica
status-pending = așteaptă un coordonator

## Grupurile din care faci parte

groups-title = Grupurile din care faci parte · { $dialogue }
groups-heading = Grupurile din care faci parte
groups-lead = Bifează fiecare grup care te descrie sau niciunul. Rezultatele se recalculează cu noua ta alegere la câteva secunde după ce o salvezi.
groups-question = Care dintre acestea te descriu? Alege oricâte se potrivesc sau niciunul.
groups-save = Salvează grupurile din care faci parte
groups-error = Grupurile din care faci parte: { $message }

## Ștergerea datelor

erase-title = Șterge-ți datele · { $dialogue }
erase-heading = Șterge-ți datele
erase-what-heading = Ce face ștergerea
erase-votes = { $count ->
        [one] Votul tău este eliminat, împreună cu voturile anterioare pe care le-ai schimbat. Rezultatele nu îl vor mai număra la următoarea redesenare, câteva secunde mai târziu.
        [few] Cele { $count } voturi ale tale sunt eliminate, împreună cu voturile anterioare pe care le-ai schimbat. Rezultatele nu le vor mai număra la următoarea redesenare, câteva secunde mai târziu.
       *[other] Cele { $count } de voturi ale tale sunt eliminate, împreună cu voturile anterioare pe care le-ai schimbat. Rezultatele nu le vor mai număra la următoarea redesenare, câteva secunde mai târziu.
    }
erase-statements = { $count ->
        [one] Afirmația pe care ai scris-o este eliminată dacă nimeni altcineva nu a votat-o. Dacă alții au votat-o, rămâne, pentru că voturile lor sunt despre ea, dar nu mai este legată de tine.
        [few] Din cele { $count } afirmații pe care le-ai scris, sunt eliminate cele pe care nu le-a votat nimeni altcineva. Cele votate de alții rămân, pentru că voturile lor sunt despre ele, dar nu mai sunt legate de tine.
       *[other] Din cele { $count } de afirmații pe care le-ai scris, sunt eliminate cele pe care nu le-a votat nimeni altcineva. Cele votate de alții rămân, pentru că voturile lor sunt despre ele, dar nu mai sunt legate de tine.
    }
erase-groups = Grupurile de oameni din care ai spus că faci parte sunt uitate.
erase-key = Cheia aleatorie pe care acest browser o păstrează pentru tine nu mai funcționează, nici aici, nici pe alt dispozitiv pe care ai copiat-o.
erase-cannot-undo = Acest lucru nu poate fi anulat.
erase-join-again = Te poți alătura din nou dialogului după aceea, ca participant nou.
erase-confirm = Înțeleg că voturile și afirmațiile mele vor fi șterse definitiv
erase-submit = Șterge datele mele
erase-keep = Nu, păstrează datele mele
erase-not-confirmed = Bifează căsuța ca să confirmi că vrei să îți ștergi datele. Nu s-a șters nimic.
erase-form-expired = Acest formular a expirat sau nu a venit de pe acest site. Întoarce-te, reîncarcă pagina și încearcă din nou.

## După ștergere

erased-title = Datele tale au fost șterse · { $dialogue }
erased-heading = Datele tale au fost șterse
erased-nothing-left = { $dialogue } nu mai păstrează nimic legat de tine, iar acest browser nu mai păstrează cheia ta aleatorie.
erased-votes = { $count ->
        [one] { $count } vot eliminat. Rezultatele nu îl vor mai număra la următoarea redesenare, peste câteva secunde.
        [few] { $count } voturi eliminate. Rezultatele nu le vor mai număra la următoarea redesenare, peste câteva secunde.
       *[other] { $count } de voturi eliminate. Rezultatele nu le vor mai număra la următoarea redesenare, peste câteva secunde.
    }
erased-statements-removed = { $count ->
        [one] { $count } afirmație de-a ta eliminată.
        [few] { $count } afirmații de-ale tale eliminate.
       *[other] { $count } de afirmații de-ale tale eliminate.
    }
erased-statements-unlinked = { $count ->
        [one] { $count } afirmație de-a ta păstrată pentru cei care au votat-o, fără să mai fie legată de tine.
        [few] { $count } afirmații de-ale tale păstrate pentru cei care le-au votat, fără să mai fie legate de tine.
       *[other] { $count } de afirmații de-ale tale păstrate pentru cei care le-au votat, fără să mai fie legate de tine.
    }
erased-thanks = Îți mulțumim că ai participat.
erased-back-html = <a href="{ $href }">Înapoi la dialog</a>, unde te poți alătura din nou ca participant nou.

## Rounds: the banner of a dialogue in its second round or later.
round-now = Runda { $number }:
round-again = Poți vota din nou fiecare afirmație. Voturile tale din rundele anterioare sunt păstrate.

text-refused-empty = Este gol: scrieți ceva.
text-refused-too-long = Are mai mult de { $max } de caractere: scurtați-l.
text-refused-control = Conține un caracter de control ascuns: eliminați-l.
text-refused-direction = Conține semnul invizibil de direcție { $code }, care poate ascunde textul: eliminați-l.
text-refused-invisible = Nu are niciun caracter vizibil: doar spații, formatare invizibilă sau accente fără literă.
