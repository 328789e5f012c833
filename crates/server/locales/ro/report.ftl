# Raportul dialogului: pagina cu rezultate, detalierea unei afirmații, harta opiniilor (arătată și
# pe pagina proprie a participantului) și pagina afișată când un raport este privat. Mesajele ale
# căror chei se termină în -html pot conține marcaje; toate celelalte sunt text simplu.

report-eyebrow = Rezultate
report-updated-html = Analiză din <time datetime="{ $iso }">{ $when }</time>.
report-no-analysis = Încă nu există o analiză.
report-live-note = Această pagină se actualizează singură pe măsură ce sosesc voturi.
report-live-updated = Rezultatele au fost actualizate cu voturi noi.
report-print = Tipărește acest raport
report-take-part = Participă:
report-closed = Acest dialog este închis.
report-figures-label = Participarea de până acum
report-figure-participants = Participanți
report-figure-voters = Au votat
report-figure-votes = Voturi
report-waiting-heading = De ce are nevoie acest raport
report-summary-heading = Rezumat
report-weighting = Ponderare: { $name }.
report-grid-heading = Toate afirmațiile, pe grupuri și categorii
report-grid-explain = Fiecare celulă arată ce parte din acel grup sau din acea categorie este de acord, ca număr și ca culoare. Indică o celulă sau mută focalizarea pe ea ca să vezi intervalul probabil și numărătorile; deschide o afirmație ca să vezi detalierea ei completă. O celulă punctată are încă prea puține voturi ca să fie luată în calcul.
report-grid-key = Legenda culorilor
report-band-0 = Sub 20% de acord
report-band-1 = 20–39%
report-band-2 = 40–59%
report-band-3 = 60–79%
report-band-4 = 80% sau mai mult
report-band-thin = Prea puține voturi
report-grid-choices = Sortează și filtrează afirmațiile
report-grid-show = Arată:
report-grid-sort = Sortează:
report-grid-region = Afirmațiile pe grupuri și categorii
report-grid-caption = Acordul cu fiecare afirmație al tuturor, al fiecărui grup de opinie și al fiecărei categorii
report-grid-number = Nr.
report-statement = Afirmația
report-grid-sort-by = Sortează după acord: { $column }
report-statement-number = Afirmația { $number }:
report-by-participant = de la un participant
report-grid-pages = Paginile cu afirmații
report-grid-page = Pagina:
report-map-heading = Harta opiniilor
report-map-explain = Fiecare punct este un participant sau câțiva participanți care au votat la fel; oamenii care au votat asemănător sunt aproape unii de alții. Zonele umbrite sunt grupuri de opinie găsite pe baza voturilor: fiecare are propriul model și o etichetă, așa că nu e nevoie de culoare ca să le deosebești. Poziția unui punct nu înseamnă nimic în sine (stânga nu înseamnă „împotrivă”); contează doar apropierea. Tabelul de mai jos oferă aceleași informații.
report-map-empty = Harta apare după ce votează destui oameni.
report-groups-caption = Grupurile de opinie și ce susține în mod distinct fiecare
report-groups-group = Grupul
report-groups-people = Persoane
report-groups-holds = Afirmații pe care acest grup le susține mai mult decât celelalte
report-groups-holds-short = Susține
report-groups-nothing = Încă nu iese nimic în evidență cu suficiente voturi.
report-groups-named = Fiecare grup poartă numele afirmației pe care o susține în modul cel mai distinct.
report-groups-named-rename-html = Fiecare grup poartă numele afirmației pe care o susține în modul cel mai distinct; <a href="{ $href }">coordonatorii pot redenumi grupurile</a>.
report-groups-none = Încă nu sunt afișate grupuri de opinie.
report-differences-heading = Diferențe
report-differences-explain = A face diferențele vizibile contează la fel de mult ca găsirea unui teren comun. O afirmație care dezbină are oameni de acord într-un grup de opinie și oameni care nu sunt de acord în altul; amplitudinea este distanța dintre grupul cel mai mult de acord și grupul cel mai puțin de acord.
report-divisive-heading = Afirmații care dezbină grupurile
report-divisive-none = Nicio afirmație nu este arătată ca dezbinând grupurile: niciuna nu are încă oameni de acord într-un grup de opinie și oameni care nu sunt de acord în altul, cu suficiente voturi în fiecare.
report-near-heading = Cel mai aproape de un teren comun
report-near-none = Nicio afirmație din afara terenului comun nu este aproape de el: fiecare are undeva prea puține voturi sau un grup ori o categorie cu un acord sub 40%.
report-lay-heading = Participanți nespecialiști și profesioniști
report-lay-explain = Participanții din categoriile de nespecialiști ({ $lay }) comparați cu cei din categoriile profesionale ({ $professional }){ $both ->
        [0] {""}
        [one] ; { $both } persoană aparține ambelor și contează de ambele părți
        [few] ; { $both } persoane aparțin ambelor și contează de ambele părți
       *[other] ; { $both } de persoane aparțin ambelor și contează de ambele părți
    }. Acordul fiecărei părți este media categoriilor sale, fiecare numărată o singură dată. Este puțin probabil ca o diferență marcată „clară” să fie întâmplătoare, chiar ținând cont de toate comparațiile arătate (rata descoperirilor false 5%).
report-lay-caption = Unde nespecialiștii și profesioniștii sunt de acord în proporții diferite
report-lay-agree = Nespecialiști de acord
report-professional-agree = Profesioniști de acord
report-gap = Diferența
report-gap-clear = (clară)
report-lay-none = Încă nu există diferențe între nespecialiști și profesioniști.
report-gaps-heading = Unde categoriile diferă
report-gaps-caption = { $first } în comparație cu { $second }
report-gaps-agree = { $name }: de acord
report-voice-heading = Auditul vocilor
report-voice-explain = Cine a participat, în comparație cu ponderea participanților pe care coordonatorii o așteptau din fiecare categorie. O categorie este semnalată când are mai puțini participanți decât se aștepta sau prea puțini ca să i se poată judeca opiniile. Participanții pot face parte din mai multe categorii, așa că ponderile pot însuma mai mult de 100%.
report-voice-missing-html = <strong>Voci care lipsesc sau sunt subreprezentate:</strong> { $names }.
report-voice-caption = Participarea pe categorii (participanți: { $participants }, dintre care au votat: { $voters })
report-voice-constituency = Categoria
report-voice-share = Pondere, față de cea așteptată
report-voice-vote-share = Ponderea voturilor
report-voice-population = Ponderea în populație
report-voice-weight = Greutatea unui participant
report-voice-written = Afirmații scrise (teren comun)
report-voice-flag = Semnal
report-none = niciuna
report-not-given = nespecificată
report-voice-expected = , așteptat { $share }
report-flag-none = Niciunul
report-voice-no-constituencies = Acest dialog nu are categorii, așa că participarea nu poate fi comparată cu ce era așteptat.
report-channels-heading = Pe canale
report-channels-explain = Voturile introduse de un facilitator, la un eveniment, la telefon sau de pe un card de hârtie contează exact ca voturile date online. Aici se vede ce parte din dialog revine fiecărui canal și unde acordul diferă.
report-channels-caption = Participarea pe canale
report-channel = Canalul
report-channel-participant-share = Ponderea participanților
report-channels-statements-caption = Acordul pe canale, unde diferă cel mai mult
report-shifts-heading = Ce schimbă ponderea egală
report-shifts-explain = Numărarea pe persoane lasă cea mai mare categorie să domine. Ponderea egală numără fiecare categorie o singură dată, oricât de mare ar fi. Aceste afirmații se schimbă cel mai mult între cele două moduri de numărare; la fiecare se arată pe câte categorii se sprijină ponderea egală, iar cele care se sprijină pe o singură categorie nu sunt incluse.
report-shifts-caption = Acordul numărat pe persoane și cu fiecare categorie numărată o singură dată
report-shifts-heads = Pe persoane
report-shifts-equal = Pondere egală
report-change = Schimbarea
report-shifts-none = Ponderarea egală nu schimbă încă vizibil acordul cu nicio afirmație.
report-voice-next = Auditul vocilor apare la următoarea analiză.
report-rounds-heading = Rundele comparate
report-rounds-explain = Acest dialog se desfășoară în runde. Tot restul acestui raport se referă la runda actuală ({ $later }). Aici ea este comparată cu una anterioară ({ $earlier }): aceleași afirmații, aceleași persoane acolo unde au votat din nou și grupurile de opinie din runda actuală.
report-rounds-gained-heading = Teren comun câștigat și pierdut
report-rounds-gained = Teren comun acum, dar nu în runda anterioară:
report-rounds-lost = Teren comun în runda anterioară, dar nu acum:
report-rounds-same = Terenul comun este același în ambele runde.
report-rounds-kept = { $count ->
        [one] { $count } afirmație este teren comun în ambele runde.
        [few] { $count } afirmații sunt teren comun în ambele runde.
       *[other] { $count } de afirmații sunt teren comun în ambele runde.
    }
report-rounds-caption = Acordul în fiecare rundă, unde s-a schimbat cel mai mult
report-rounds-before = De acord înainte
report-rounds-now = De acord acum
report-rounds-moved = Și-au schimbat votul
report-rounds-movement-caption = Cine și-a schimbat votul
report-rounds-who = Grup sau categorie
report-rounds-returning = Au votat în ambele runde
report-rounds-changed = Au schimbat cel puțin un vot
report-confidence-heading = Cât de sigure sunt aceste rezultate
report-back-label = Înapoi
report-back = Înapoi la raportul despre { $title }
report-statement-eyebrow = Afirmația { $number }
report-written-by-participant = Scrisă de un participant
report-everyone = Toată lumea
report-by-group = Pe grupuri de opinie
report-groups-counted-once = Fiecare grup numărat o singură dată: { $reading }.
report-by-constituency = Pe categorii
report-constituencies-counted-once = Fiecare categorie numărată o singură dată: { $reading }.
report-no-constituencies = Acest dialog nu are categorii.
report-bars-explain = Fiecare bară arată ponderea celor care sunt de acord; linia subțire din interiorul ei arată intervalul în care se află probabil ponderea reală (un interval Jeffreys de 95%), care este larg când au votat puțini oameni. Numărătorile arată voturile „de acord”, „nu sunt de acord” și „sar peste”; a sări peste nu înseamnă a nu fi de acord.
report-other-statements = Alte afirmații
report-previous-statement = Afirmația anterioară
report-next-statement = Afirmația următoare
report-bar-agree = { $rate } de acord
report-bar-likely = (probabil { $range })
report-bar-no-votes = încă niciun vot
report-bar-too-few = ; încă prea puține voturi ca să fie luate în calcul
report-private-heading = Raportul despre { $title } este privat
report-private-kept = Coordonatorii acestui dialog păstrează raportul pentru ei. Îl pot citi coordonatorii parteneriatului și, când coordonatorii îl împărtășesc, persoanele care vorbesc în numele organizațiilor partenere.
report-private-kept-running = Coordonatorii acestui dialog păstrează raportul pentru ei cât timp dialogul este în desfășurare. Îl pot citi coordonatorii parteneriatului și, când coordonatorii îl împărtășesc, persoanele care vorbesc în numele organizațiilor partenere.
report-private-ask = Dacă ai participat sau lucrezi cu unul dintre parteneri, roagă persoana care te-a invitat să îți împărtășească rezultatele: poate face raportul public sau îți poate trimite concluziile lui.
report-private-take-part = Participă la dialog
report-private-signed-in = Ești autentificat(ă), dar contul tău nu este printre cele cu care este împărtășit acest raport.
report-private-sign-in-html = Ești coordonator al acestui dialog? <a href="{ $href }">Autentifică-te ca să citești raportul</a>.
report-download-heading = Descarcă
report-download-pdf = Raportul ca PDF
report-download-map = Harta opiniilor ca diapozitiv (PNG, 1600×900)
report-download-grid = Afirmațiile pe grupuri și categorii ca diapozitiv (PNG, 1600×900)
opinion-map-dot = { $count ->
        [one] { $count } persoană
        [few] { $count } persoane care au votat asemănător
       *[other] { $count } de persoane care au votat asemănător
    }
opinion-map-dot-in-group = { $count ->
        [one] { $count } persoană, { $group }
        [few] { $count } persoane care au votat asemănător, { $group }
       *[other] { $count } de persoane care au votat asemănător, { $group }
    }
opinion-map-you-marked = Tu ești marcat(ă) cu un romb într-un cerc punctat, cu eticheta „Tu”.
opinion-map-legend-label = Grupurile de pe hartă
opinion-map-legend-group = { $name }: { $count ->
        [one] { $count } persoană
        [few] { $count } persoane
       *[other] { $count } de persoane
    }
opinion-map-statements-show = Arată afirmațiile pe hartă
opinion-map-statements-explain = Fiecare etichetă numerotată arată direcția în care înclină cei care sunt de acord cu acea afirmație. Afirmațiile își păstrează numărul în tot raportul.
report-title = Raport · { $title }
report-statement-title = Afirmația { $number } · { $title }
report-no-such-statement = Acest raport nu are afirmația { $number }: poate este nouă de la ultima analiză sau nu face parte din acest dialog. Întoarce-te la raport ca să vezi toate afirmațiile.
report-minimums = O afirmație este considerată distinctivă pentru un grup, ca dezbinând grupurile sau ca aproape de un teren comun doar când fiecare grup sau categorie implicată are cel puțin 5 voturi la ea (de acord, nu sunt de acord sau sar peste) și fiecare grup implicat are cel puțin 3 persoane. A sări peste nu este niciodată socotit ca dezacord: o afirmație care dezbină are oameni de acord de o parte și oameni care nu sunt de acord de cealaltă.
report-groups-rule = Grupurile de opinie sunt afișate după ce cel puțin 10 participanți au votat destule afirmații ca să fie plasați pe hartă, iar voturile îi împart în cel puțin două grupuri de câte 3 sau mai multe persoane.
report-groups-not-yet = Grupurile de opinie nu sunt încă afișate: { $placed ->
        [one] până acum { $placed } participant este plasat pe hartă,
        [few] până acum { $placed } participanți sunt plasați pe hartă,
       *[other] până acum { $placed } de participanți sunt plasați pe hartă,
    } { $groups ->
        [0] iar voturile nu îi împart încă în grupuri.
        [1] iar voturile nu îi împart încă în grupuri.
       *[other] iar voturile nu îi împart încă în două grupuri de câte 3 sau mai multe persoane.
    }
report-waiting-no-votes = Nimeni nu a votat încă, așa că nu există nimic de raportat.
report-waiting-needs = Raportul are nevoie de voturi: distribuie linkul de participare de mai jos. Rezumatul și tabelul apar la câteva secunde după primele voturi; grupurile de opinie, după ce cel puțin 10 oameni au votat fiecare mai multe afirmații; terenul comun, după ce fiecare grup și fiecare categorie are măcar câteva voturi la o afirmație.
report-waiting-computing = Prima analiză este în curs de calculare; această pagină se actualizează singură când este gata.
report-verdict-common = Teren comun
report-verdict-divided = Dezbină
report-verdict-not-shared = Nu este comună tuturor grupurilor
report-verdict-out = Eliminată la moderare
report-verdict-short = Are nevoie de mai multe voturi
report-show-all = Toate afirmațiile
report-sort-rank = Întâi terenul comun
report-sort-divided = Întâi cele care dezbină cel mai mult
report-sort-overall = Cel mai mare acord general
report-sort-number = După număr
report-order-rank = întâi terenul comun
report-order-number = după număr
report-order-divided = întâi cele care dezbină cel mai mult
report-order-column = după acord ({ $column }), de la cel mai mare
report-showing-none = Nicio afirmație nu corespunde acestui filtru.
report-showing = Se afișează { $first }–{ $last } din { $total ->
        [one] { $total } afirmație
        [few] { $total } afirmații
       *[other] { $total } de afirmații
    }, { $order }.
report-group-letter = Grupul { $letter }
report-counts = de acord: { $agree }, nu sunt de acord: { $disagree }, sar peste: { $pass }
report-cell-no-votes = { $label }: încă niciun vot
report-cell = { $label }: { $rate } de acord{ $likely }; { $counts }{ $enough ->
        [yes] {""}
       *[no] ; încă prea puține voturi ca să fie luate în calcul
    }
report-cell-likely = , probabil { $range }
report-nobody-agrees = Nimeni nu este de acord
report-of = { $part } din { $whole }
report-no-votes = niciun vot
report-points = { $sign }{ $points } p.p.
report-equal-weight-reading = { $rate } de acord, pe baza a { $counted } din { $of ->
        [groups] { $total ->
            [one] { $total } grup cu voturi
            [few] { $total } grupuri cu voturi
           *[other] { $total } de grupuri cu voturi
        }
       *[constituencies] { $total ->
            [one] { $total } categorie cu voturi
            [few] { $total } categorii cu voturi
           *[other] { $total } de categorii cu voturi
        }
    }
report-rests-on = pe baza a { $counted } din { $of ->
        [groups] { $total ->
            [one] { $total } grup cu voturi
            [few] { $total } grupuri cu voturi
           *[other] { $total } de grupuri cu voturi
        }
       *[constituencies] { $total ->
            [one] { $total } categorie cu voturi
            [few] { $total } categorii cu voturi
           *[other] { $total } de categorii cu voturi
        }
    }
report-head-count-note = Pe persoane: { $head } de acord în total ({ $weighted } cu ponderare){ $verdict ->
        [common] , iar afirmația ar fi teren comun
        [not-common] , iar afirmația nu ar fi teren comun
       *[same] {""}
    }.
report-flag-missing = Lipsește: nimeni din această categorie nu a participat
report-flag-too-few = Prea puțini participanți ca să se poată judeca opiniile acestei categorii
report-flag-below-expected = Mai puțini decât se aștepta
report-flag-thin = Se sprijină pe mai puțin de 5 persoane, fiecare cu o greutate mare
report-flag-trimmed = Ponderea în populație a fost limitată la de 5 ori ponderea egală
report-unaffiliated = { $count ->
        [0] Fiecare participant a ales o categorie.
        [one] { $count } participant nu a ales nicio categorie.
        [few] { $count } participanți nu au ales nicio categorie.
       *[other] { $count } de participanți nu au ales nicio categorie.
    }
report-channel-online = Online
report-channel-facilitated = Cu facilitator
report-channel-paper = Pe hârtie
report-map-note-share = { $group } { $with } (fără surplus: { $without })
report-map-note = Harta opiniilor este desenată pe persoane, așa cum o desenează Pol.is, și se sprijină pe numărul celor din „{ $largest }”: dacă această categorie este adusă la ponderea ei egală, ponderile grupurilor se schimbă cu până la { $points } p.p. ({ $shares }).
report-weighting-head-count = pe persoane
report-weighting-head-count-explained = Fiecare participant contează o singură dată.
report-weighting-equal = pondere egală
report-weighting-equal-explained = Participanții fiecărei categorii cântăresc împreună la fel, la fel și cei care nu fac parte din nicio categorie, așa că o categorie care vine în număr mare nu le poate depăși la vot pe celelalte.
report-weighting-frame = structura populației
report-weighting-frame-explained = Categoriile cântăresc după ponderile lor în populație, așa cum le-au dat coordonatorii.
report-weighting-head-count-common = Numărând pe persoane, { $head ->
        [one] { $head } afirmație ar fi
        [few] { $head } afirmații ar fi
       *[other] { $head } de afirmații ar fi
    } teren comun; cu această ponderare, { $weighted }.
report-design-effect = Efect de design { $effect }: rezultatele ponderate sunt la fel de precise ca ale unui grup neponderat de participanți în număr de { $voters }.
report-near-detail = { $overall }; acordul cel mai mic, dintre { $voted ->
        [one] { $voted } grup sau categorie
        [few] { $voted } grupuri și categorii
       *[other] { $voted } de grupuri și categorii
    } cu voturi, este de { $lowest }.
report-divisive-sides = { $agree } de acord în { $agreeing } ({ $agreed } din { $votes ->
        [one] { $votes } vot
        [few] { $votes } voturi
       *[other] { $votes } de voturi
    }); { $disagree } nu sunt de acord în { $disagreeing } ({ $disagreed } din { $their-votes ->
        [one] { $their-votes } vot
        [few] { $their-votes } voturi
       *[other] { $their-votes } de voturi
    }).
report-divisive-detail = la { $points } p.p. distanță, pe baza a { $counted } din { $total ->
        [one] { $total } grup
        [few] { $total } grupuri
       *[other] { $total } de grupuri
    }.
report-people = { $count ->
        [one] { $count } persoană
        [few] { $count } persoane
       *[other] { $count } de persoane
    }
report-agree-overall = { $rate } de acord în total
report-summary-who = Cine a participat
report-summary-took-part = { $participants ->
        [one] A participat { $participants } persoană
        [few] Au participat { $participants } persoane
       *[other] Au participat { $participants } de persoane
    }, iar { $voters ->
        [one] { $voters } a votat
       *[other] { $voters } au votat
    }, dând { $votes ->
        [one] { $votes } vot
        [few] { $votes } voturi
       *[other] { $votes } de voturi
    } pentru { $statements ->
        [one] { $statements } afirmație
        [few] { $statements } afirmații
       *[other] { $statements } de afirmații
    }{ $left-out ->
        [0] {""}
        [one] {" "}({ $left-out } afirmație respinsă la moderare, care așteaptă moderarea sau care nu a fost încă votată nu este numărată aici)
        [few] {" "}({ $left-out } afirmații respinse la moderare, care așteaptă moderarea sau care nu au fost încă votate nu sunt numărate aici)
       *[other] {" "}({ $left-out } de afirmații respinse la moderare, care așteaptă moderarea sau care nu au fost încă votate nu sunt numărate aici)
    }.
report-summary-by-constituency = Pe categorii ({ $with-people } din { $constituencies ->
        [one] { $constituencies } categorie are participanți
        [few] { $constituencies } categorii au participanți
       *[other] { $constituencies } de categorii au participanți
    }): { $parts }{ $none ->
        [0] {""}
        [one] ; { $none } persoană nu a ales niciuna
        [few] ; { $none } persoane nu au ales niciuna
       *[other] ; { $none } de persoane nu au ales niciuna
    }.
report-summary-basis = { $groups ->
        [0] { $constituencies ->
            [0] toți cei care au votat, pentru că grupurile și categoriile nu pot fi încă deosebite
            [one] { $constituencies } categorie cu voturi
            [few] { $constituencies } categorii cu voturi
           *[other] { $constituencies } de categorii cu voturi
        }
        [one] { $groups } grup de opinie{ $constituencies ->
            [0] {""}
            [one] {" "}și { $constituencies } categorie cu voturi
            [few] {" "}și { $constituencies } categorii cu voturi
           *[other] {" "}și { $constituencies } de categorii cu voturi
        }
        [few] { $groups } grupuri de opinie{ $constituencies ->
            [0] {""}
            [one] {" "}și { $constituencies } categorie cu voturi
            [few] {" "}și { $constituencies } categorii cu voturi
           *[other] {" "}și { $constituencies } de categorii cu voturi
        }
       *[other] { $groups } de grupuri de opinie{ $constituencies ->
            [0] {""}
            [one] {" "}și { $constituencies } categorie cu voturi
            [few] {" "}și { $constituencies } categorii cu voturi
           *[other] {" "}și { $constituencies } de categorii cu voturi
        }
    }
report-summary-common = { $common } din { $statements ->
        [one] { $statements } afirmație votată
        [few] { $statements } afirmații votate
       *[other] { $statements } de afirmații votate
    } { $common ->
        [one] este
       *[other] sunt
    } teren comun: o majoritate clară este de acord în fiecare parte luată în calcul ({ $basis }), fiecare contând la fel.
report-summary-none-common = Nimic nu este teren comun: { $divided } din { $statements ->
        [one] { $statements } afirmație votată
        [few] { $statements } afirmații votate
       *[other] { $statements } de afirmații votate
    } { $divided ->
        [one] are
       *[other] au
    } cel puțin un grup sau o categorie (dintre: { $basis }) care nu este clar de acord{ $short ->
        [0] {""}
        [one] , iar { $short } mai are nevoie de voturi
       *[other] , iar { $short } mai au nevoie de voturi
    }.
report-summary-none-common-yet = Nimic nu este încă teren comun: { $short } din { $statements ->
        [one] { $statements } afirmație votată
        [few] { $statements } afirmații votate
       *[other] { $statements } de afirmații votate
    } { $short ->
        [one] are
       *[other] au
    } nevoie de mai multe voturi. O afirmație devine teren comun când o majoritate clară este de acord în fiecare grup de opinie și în fiecare categorie, fiecare având cel puțin câteva voturi la ea.
report-summary-strongest = Sunt enumerate cele mai puternice { $named }; tabelul de mai jos le arată pe toate.
report-summary-common-heading = Ce este teren comun
report-summary-no-groups = Grupurile de opinie nu sunt încă afișate, așa că nicio afirmație nu este socotită ca dezbinând grupurile.
report-summary-none-divides = Nicio afirmație nu dezbină clar { $groups ->
        [one] grupul de opinie
        [few] cele { $groups } grupuri de opinie
       *[other] cele { $groups } de grupuri de opinie
    }: niciuna nu are oameni de acord într-un grup și oameni care nu sunt de acord în altul, cu cel puțin 5 voturi în fiecare.
report-summary-groups = Voturile formează { $groups ->
        [one] { $groups } grup de opinie
        [few] { $groups } grupuri de opinie
       *[other] { $groups } de grupuri de opinie
    }: { $names }.
report-summary-divide-most = { $count ->
        [one] Această afirmație le dezbină cel mai mult:
       *[other] Aceste afirmații le dezbină cel mai mult:
    }
report-summary-clearest-gap = Cea mai clară diferență între categorii: la afirmația { $number }, acordul este de { $first-rate } ({ $first }) și de { $second-rate } ({ $second }), o diferență de { $points } p.p.
report-summary-divide-heading = Unde se despart opiniile
report-summary-no-constituencies = Acest dialog nu are categorii, așa că nu se poate judeca ale cui voci lipsesc.
report-summary-under-share = { $name } ({ $count ->
        [one] { $count } persoană
        [few] { $count } persoane
       *[other] { $count } de persoane
    }, { $share } din participanți, față de { $expected } cât se aștepta)
report-summary-under = { $name } ({ $count ->
        [one] { $count } persoană
        [few] { $count } persoane
       *[other] { $count } de persoane
    })
report-summary-absent = Nu a participat nimeni din: { $names }.
report-summary-under-represented = Subreprezentate: { $names }.
report-summary-all-present = { $count ->
        [one] Singura categorie a participat cam în proporția așteptată sau mai mult.
        [few] Toate cele { $count } categorii au participat cam în proporția așteptată sau mai mult.
       *[other] Toate cele { $count } de categorii au participat cam în proporția așteptată sau mai mult.
    }
report-summary-missing-heading = Ale cui voci lipsesc
report-holding = { $part } din { $whole } ({ $share }) { $side ->
        [agree] sunt de acord
       *[disagree] nu sunt de acord
    }
opinion-map-you = Tu
opinion-map-describe-no-groups = Harta opiniilor cu { $people ->
        [one] { $people } persoană
        [few] { $people } persoane
       *[other] { $people } de persoane
    }, încă fără grupuri de opinie.
opinion-map-describe-group = { $name } ({ $count ->
        [one] { $count } persoană
        [few] { $count } persoane
       *[other] { $count } de persoane
    })
opinion-map-describe = Harta opiniilor cu { $groups ->
        [one] { $groups } grup de opinie
        [few] { $groups } grupuri de opinie
       *[other] { $groups } de grupuri de opinie
    }: { $listed }. Oamenii care au votat asemănător sunt desenați aproape unii de alții.
opinion-map-describe-you-in = Ești în { $name }.
opinion-map-describe-you-no-group = Ești pe hartă, dar încă nu faci parte dintr-un grup.
report-group-derived = { $side ->
        [agree] pentru
       *[disagree] împotriva
    } „{ $statement }”
report-group-described = { $name }: { $description }
report-rounds-not-comparable = nu se poate compara
report-rounds-no-change = nicio schimbare
report-round-name = Runda { $number }
report-round-name-labelled = Runda { $number }, { $label }
report-rounds-voters = În runda { $earlier } { $earlier-voters ->
        [one] a votat { $earlier-voters } persoană
        [few] au votat { $earlier-voters } persoane
       *[other] au votat { $earlier-voters } de persoane
    }, iar în runda { $later } { $later-voters ->
        [one] a votat { $later-voters } persoană
        [few] au votat { $later-voters } persoane
       *[other] au votat { $later-voters } de persoane
    }. { $returning ->
        [one] { $returning } persoană a votat
        [few] { $returning } persoane au votat
       *[other] { $returning } de persoane au votat
    } aceleași afirmații în ambele runde, iar { $moved } dintre ele { $moved ->
        [one] a schimbat
       *[other] au schimbat
    } cel puțin un vot.
report-rounds-kind-group = Grup de opinie
report-rounds-kind-constituency = Categorie
report-reason-out = Eliminată la moderare: nu face parte din analiză.
report-reason-nothing-to-compare = Nu este teren comun: încă nu există grupuri de opinie sau categorii de comparat.
report-reason-too-few = Prea puține voturi în { $unit }: mai este nevoie de { $needed ->
        [one] { $needed } vot
        [few] { $needed } voturi
       *[other] { $needed } de voturi
    }.
report-reason-divided = Dezbină: în { $unit }, { $rate } sunt de acord ({ $counts }), ceea ce nu este o majoritate clară.
report-reason-divided-unknown = Dezbină: în { $unit } nu există un acord clar.
report-reason-voted = { $voted ->
        [one] { $voted } a votat
       *[other] { $voted } au votat
    }
report-reason-other = { $unit } ({ $rate })
report-reason-also = De asemenea: { $names }.
report-reason-provisional = Provizoriu: acord de { $range } până acum; deocamdată prea puține voturi în { $names }.
report-reason-negative-bridging = Nu este teren comun: există acord în fiecare grup și în fiecare categorie, dar scorul de punte între grupuri este negativ ({ $intercept }).
report-reason-common = Acord de { $range } în { $places }.
report-reason-thin = Deocamdată prea puține voturi în { $names }.
report-coverage = { $whole ->
        [all] { $total ->
            [one] { $kind ->
                [groups] singurul grup
               *[constituencies] singura categorie
            }
            [few] toate cele { $total } { $kind ->
                [groups] grupuri
               *[constituencies] categorii
            }
           *[other] toate cele { $total } de { $kind ->
                [groups] grupuri
               *[constituencies] categorii
            }
        }
       *[some] { $counted } din { $total ->
            [one] { $total } { $kind ->
                [groups] grup
               *[constituencies] categorie
            }
            [few] { $total } { $kind ->
                [groups] grupuri
               *[constituencies] categorii
            }
           *[other] { $total } de { $kind ->
                [groups] grupuri
               *[constituencies] categorii
            }
        }
    }
report-list-and = { $rest } și { $last }
report-list-more = { $shown } și încă { $more }
report-notice-unaffiliated = cei fără categorie
report-notice-no-votes = Nu există voturi de analizat.
report-notice-fewer-components = { $found ->
        [one] Voturile variază doar în { $found } direcție, așa că harta opiniilor are mai puțin de două axe.
        [few] Voturile variază doar în { $found } direcții, așa că harta opiniilor are mai puțin de două axe.
       *[other] Voturile variază doar în { $found } de direcții, așa că harta opiniilor are mai puțin de două axe.
    }
report-notice-not-converged = Componentele principale nu au ajuns la convergență în { $iterations ->
        [one] { $iterations } iterație
        [few] { $iterations } iterații
       *[other] { $iterations } de iterații
    }.
report-notice-fewer-groups = { $groups ->
        [one] S-a putut forma doar { $groups } grup de opinie
        [few] S-au putut forma doar { $groups } grupuri de opinie
       *[other] S-au putut forma doar { $groups } de grupuri de opinie
    } din { $clustered ->
        [one] { $clustered } participant grupat
        [few] { $clustered } participanți grupați
       *[other] { $clustered } de participanți grupați
    }.
report-notice-smoothed-groups = Numărul anterior de grupuri ({ $asked }) nu a putut fi obținut; { $used ->
        [one] s-a folosit { $used } grup
        [few] s-au folosit { $used } grupuri
       *[other] s-au folosit { $used } de grupuri
    }.
report-notice-no-groups = Nu există grupuri de opinie, așa că terenul comun se sprijină doar pe categorii.
report-notice-no-constituencies = Nu au fost date categorii, așa că terenul comun se sprijină doar pe grupurile de opinie.
report-notice-group-out-of-range = { $rows ->
        [one] { $rows } participant avea un grup pe care analiza terenului comun nu îl cunoaște, așa că a rămas în afara grupurilor.
        [few] { $rows } participanți aveau un grup pe care analiza terenului comun nu îl cunoaște, așa că au rămas în afara grupurilor.
       *[other] { $rows } de participanți aveau un grup pe care analiza terenului comun nu îl cunoaște, așa că au rămas în afara grupurilor.
    }
report-notice-unknown-constituency = { $entries ->
        [one] { $entries } apartenență nu indica nicio categorie cunoscută și a fost ignorată.
        [few] { $entries } apartenențe nu indicau nicio categorie cunoscută și au fost ignorate.
       *[other] { $entries } de apartenențe nu indicau nicio categorie cunoscută și au fost ignorate.
    }
report-notice-statements-without-info = { $statements ->
        [one] { $statements } afirmație avea voturi, dar nicio descriere, așa că a fost tratată ca nemoderată.
        [few] { $statements } afirmații aveau voturi, dar nicio descriere, așa că au fost tratate ca nemoderate.
       *[other] { $statements } de afirmații aveau voturi, dar nicio descriere, așa că au fost tratate ca nemoderate.
    }
report-notice-setting-replaced = Setarea { $field } era în afara intervalului permis, așa că s-a folosit valoarea ei implicită.
report-notice-thinly-carried = La { $name }, acordul se sprijină pe mai puțin de 5 persoane care au votat, fiecare cu o greutate de cel puțin două ori mai mare decât media: el depinde de foarte puține persoane.
report-notice-share-trimmed = Ponderea în populație pentru { $name } a fost limitată la cel mult de 5 ori ponderea ei egală.
report-notice-map-leans = Harta opiniilor este desenată pe persoane, iar ponderea unui grup de opinie se schimbă cu { $points } p.p. fără surplusul numeric de la { $name }: harta se sprijină pe această categorie.
