# Raport z dialogu: strona wyników, pełne zestawienie dla stwierdzenia, mapa opinii (pokazywana też
# na własnej stronie uczestnika) i strona, którą widać, gdy raport jest prywatny. Komunikaty,
# których klucze kończą się na -html, mogą zawierać znaczniki; pozostałe to zwykły tekst.

report-eyebrow = Wyniki
report-updated-html = Analiza z <time datetime="{ $iso }">{ $when }</time>.
report-no-analysis = Nie ma jeszcze analizy.
report-live-note = Ta strona sama się aktualizuje, gdy napływają głosy.
report-live-updated = Wyniki zostały zaktualizowane o nowe głosy.
report-print = Wydrukuj ten raport
report-take-part = Weź udział:
report-closed = Ten dialog jest zamknięty.
report-figures-label = Dotychczasowy udział
report-figure-participants = Uczestnicy
report-figure-voters = Głosujący
report-figure-votes = Głosy
report-waiting-heading = Czego potrzebuje ten raport
report-summary-heading = Podsumowanie
report-weighting = Ważenie: { $name }.
report-grid-heading = Wszystkie stwierdzenia według grup i środowisk
report-grid-explain = Każda komórka pokazuje, jaka część danej grupy lub środowiska się zgadza, jako liczbę i kolor. Wskaż komórkę albo przejdź do niej klawiaturą, aby zobaczyć prawdopodobny zakres i liczby głosów; otwórz stwierdzenie, aby zobaczyć jego pełne zestawienie. Komórka wykropkowana ma jeszcze za mało głosów, aby je liczyć.
report-grid-key = Legenda kolorów
report-band-0 = Poniżej 20% się zgadza
report-band-1 = 20–39%
report-band-2 = 40–59%
report-band-3 = 60–79%
report-band-4 = 80% lub więcej
report-band-thin = Za mało głosów
report-grid-choices = Sortuj i filtruj stwierdzenia
report-grid-show = Pokaż:
report-grid-sort = Sortuj:
report-grid-region = Stwierdzenia według grup i środowisk
report-grid-caption = Zgoda z każdym stwierdzeniem wśród wszystkich, w każdej grupie opinii i w każdym środowisku
report-grid-number = Nr
report-statement = Stwierdzenie
report-grid-sort-by = Sortuj według zgody: { $column }
report-statement-number = Stwierdzenie { $number }:
report-by-participant = od uczestnika
report-grid-pages = Strony stwierdzeń
report-grid-page = Strona:
report-map-heading = Mapa opinii
report-map-explain = Każda kropka to uczestnik albo kilku uczestników, którzy głosowali tak samo; osoby głosujące podobnie są blisko siebie. Zacienione obszary to grupy opinii wyodrębnione na podstawie głosów: każda ma własny wzór i etykietę, więc do ich rozróżnienia nie jest potrzebny kolor. Samo położenie kropki nic nie znaczy (lewa strona nie oznacza „przeciw”); liczy się tylko odległość. Tabela poniżej zawiera te same informacje.
report-map-empty = Mapa pojawi się, gdy zagłosuje wystarczająco dużo osób.
report-groups-caption = Grupy opinii i to, co wyróżnia każdą z nich
report-groups-group = Grupa
report-groups-people = Osoby
report-groups-holds = Stwierdzenia, w których ta grupa wyraźnie różni się od innych
report-groups-holds-short = Co ją wyróżnia
report-groups-nothing = Przy obecnej liczbie głosów nic się jeszcze nie wyróżnia.
report-groups-named = Każda grupa nosi nazwę od stwierdzenia, które najbardziej ją wyróżnia.
report-groups-named-rename-html = Każda grupa nosi nazwę od stwierdzenia, które najbardziej ją wyróżnia; <a href="{ $href }">koordynatorzy mogą zmienić nazwy grup</a>.
report-groups-none = Nie są jeszcze pokazywane żadne grupy opinii.
report-differences-heading = Różnice
report-differences-explain = Jasne pokazanie różnic jest równie ważne jak znalezienie wspólnej płaszczyzny. Stwierdzenie dzielące to takie, z którym ludzie w jednej grupie opinii się zgadzają, a w innej się nie zgadzają; rozpiętość to różnica między grupą, która zgadza się najbardziej, a grupą, która zgadza się najmniej.
report-divisive-heading = Stwierdzenia, które dzielą grupy
report-divisive-none = Żadne stwierdzenie nie jest pokazane jako dzielące: przy żadnym nie ma jeszcze osób zgadzających się w jednej grupie opinii i niezgadzających się w innej, z wystarczającą liczbą głosów w każdej z nich.
report-near-heading = Najbliżej wspólnej płaszczyzny
report-near-none = Żadne stwierdzenie spoza wspólnej płaszczyzny nie jest jej bliskie: każde ma gdzieś za mało głosów albo grupę lub środowisko, w którym zgoda jest poniżej 40%.
report-lay-heading = Laicy i profesjonaliści
report-lay-explain = Uczestnicy ze środowisk laików ({ $lay }) w porównaniu z uczestnikami ze środowisk profesjonalistów ({ $professional }){ $both ->
        [0] {""}
        [one] ; { $both } osoba należy do obu i liczy się po obu stronach
        [few] ; { $both } osoby należą do obu i liczą się po obu stronach
       *[other] ; { $both } osób należy do obu i liczy się po obu stronach
    }. Zgoda każdej strony to średnia z jej środowisk, z których każde liczy się raz. Różnica oznaczona jako „wyraźna” raczej nie jest dziełem przypadku, nawet biorąc pod uwagę wszystkie pokazane porównania (odsetek fałszywych odkryć 5%).
report-lay-caption = Gdzie laicy i profesjonaliści zgadzają się w różnym stopniu
report-lay-agree = Zgoda laików
report-professional-agree = Zgoda profesjonalistów
report-gap = Różnica
report-gap-clear = (wyraźna)
report-lay-none = Nie ma jeszcze różnic między laikami a profesjonalistami.
report-gaps-heading = Gdzie środowiska się rozchodzą
report-gaps-caption = { $first } a { $second }
report-gaps-agree = Zgoda: { $name }
report-voice-heading = Audyt reprezentacji
report-voice-explain = Kto wziął udział, w porównaniu z tym, jakiego udziału uczestników z każdego środowiska oczekiwali koordynatorzy. Środowisko jest oznaczane, gdy ma mniej uczestników, niż oczekiwano, albo za mało, by ocenić jego poglądy. Uczestnicy mogą należeć do kilku środowisk, więc udziały mogą sumować się do ponad 100%.
report-voice-missing-html = <strong>Brakujące lub niedostatecznie reprezentowane środowiska:</strong> { $names }.
report-voice-caption = Udział według środowisk (uczestnicy: { $participants }, w tym głosujący: { $voters })
report-voice-constituency = Środowisko
report-voice-share = Udział na tle oczekiwanego
report-voice-vote-share = Udział w głosach
report-voice-population = Udział w populacji
report-voice-weight = Waga jednego uczestnika
report-voice-written = Napisane stwierdzenia (wspólna płaszczyzna)
report-voice-flag = Uwaga
report-none = brak
report-not-given = nie podano
report-voice-expected = , oczekiwano { $share }
report-flag-none = Brak
report-voice-no-constituencies = Ten dialog nie ma środowisk, więc nie można porównać udziału z oczekiwaniami.
report-channels-heading = Według kanału
report-channels-explain = Głosy wprowadzone przez osobę prowadzącą, na wydarzeniu, przez telefon albo z papierowej karty liczą się dokładnie tak samo jak głosy oddane online. Widać tu, jaką część dialogu niesie każdy kanał i gdzie zgoda w nim wygląda inaczej.
report-channels-caption = Udział według kanału
report-channel = Kanał
report-channel-participant-share = Udział w liczbie uczestników
report-channels-statements-caption = Zgoda według kanału tam, gdzie różni się najbardziej
report-shifts-heading = Co zmienia równa waga
report-shifts-explain = Liczenie według liczby osób pozwala dominować największemu środowisku. Równa waga liczy każde środowisko raz, bez względu na jego wielkość. Przy tych stwierdzeniach oba sposoby liczenia różnią się najbardziej; przy każdym podano, na ilu środowiskach opiera się jego wynik przy równej wadze, a stwierdzeń opartych na jednym środowisku nie ma na liście.
report-shifts-caption = Zgoda liczona według liczby osób i przy każdym środowisku liczonym raz
report-shifts-heads = Według liczby osób
report-shifts-equal = Równa waga
report-change = Zmiana
report-shifts-none = Równe ważenie nie zmienia jeszcze wyraźnie zgody z żadnym stwierdzeniem.
report-voice-next = Audyt reprezentacji pojawi się przy następnej analizie.
report-rounds-heading = Porównanie rund
report-rounds-explain = Ten dialog odbywa się w rundach. Wszystko inne w tym raporcie dotyczy bieżącej rundy ({ $later }). Tutaj porównano ją z wcześniejszą ({ $earlier }): te same stwierdzenia, te same osoby, jeśli zagłosowały ponownie, i grupy opinii z bieżącej rundy.
report-rounds-gained-heading = Zyskana i utracona wspólna płaszczyzna
report-rounds-gained = Teraz wspólna płaszczyzna, ale nie we wcześniejszej rundzie:
report-rounds-lost = Wspólna płaszczyzna we wcześniejszej rundzie, ale nie teraz:
report-rounds-same = Wspólna płaszczyzna jest taka sama w obu rundach.
report-rounds-kept = { $count ->
        [one] { $count } stwierdzenie jest wspólną płaszczyzną w obu rundach.
        [few] { $count } stwierdzenia są wspólną płaszczyzną w obu rundach.
       *[other] { $count } stwierdzeń jest wspólną płaszczyzną w obu rundach.
    }
report-rounds-caption = Zgoda w każdej rundzie tam, gdzie zmieniła się najbardziej
report-rounds-before = Zgoda wcześniej
report-rounds-now = Zgoda teraz
report-rounds-moved = Zmienili głos
report-rounds-movement-caption = Kto zmienił głos
report-rounds-who = Grupa lub środowisko
report-rounds-returning = Głosowali w obu rundach
report-rounds-changed = Zmienili co najmniej jeden głos
report-confidence-heading = Na ile pewne są te wyniki
report-back-label = Wróć
report-back = Wróć do raportu z dialogu „{ $title }”
report-statement-eyebrow = Stwierdzenie { $number }
report-written-by-participant = Napisane przez uczestnika
report-everyone = Wszyscy
report-by-group = Według grup opinii
report-groups-counted-once = Każda grupa liczona raz: { $reading }.
report-by-constituency = Według środowisk
report-constituencies-counted-once = Każde środowisko liczone raz: { $reading }.
report-no-constituencies = Ten dialog nie ma środowisk.
report-bars-explain = Każdy pasek pokazuje odsetek osób, które się zgadzają; cienka linia w jego wnętrzu pokazuje zakres, w którym prawdopodobnie leży prawdziwy odsetek (95-procentowy przedział Jeffreysa); jest on szeroki, gdy głosowało niewiele osób. Liczby to głosy „zgadzam się”, „nie zgadzam się” i „pomiń”; pominięcie nie oznacza braku zgody.
report-other-statements = Inne stwierdzenia
report-previous-statement = Poprzednie stwierdzenie
report-next-statement = Następne stwierdzenie
report-bar-agree = { $rate } się zgadza
report-bar-likely = (prawdopodobnie { $range })
report-bar-no-votes = jeszcze brak głosów
report-bar-too-few = ; za mało głosów, aby je już liczyć
report-private-heading = Raport z dialogu „{ $title }” nie jest publiczny
report-private-kept = Koordynatorzy tego dialogu zachowują jego raport dla siebie. Mogą go czytać koordynatorzy partnerstwa, a gdy koordynatorzy go udostępnią, także osoby reprezentujące organizacje partnerskie.
report-private-kept-running = Koordynatorzy tego dialogu zachowują jego raport dla siebie, dopóki dialog trwa. Mogą go czytać koordynatorzy partnerstwa, a gdy koordynatorzy go udostępnią, także osoby reprezentujące organizacje partnerskie.
report-private-ask = Jeśli wziąłeś(-ęłaś) udział albo współpracujesz z którymś z partnerów, poproś osobę, która Cię zaprosiła, o udostępnienie wyników: może ona upublicznić raport albo przesłać Ci jego wnioski.
report-private-take-part = Weź udział w dialogu
report-private-signed-in = Jesteś zalogowany(-a), ale Twoje konto nie należy do tych, którym udostępniono ten raport.
report-private-sign-in-html = Koordynujesz ten dialog? <a href="{ $href }">Zaloguj się, aby przeczytać raport</a>.
report-download-heading = Pobierz
report-download-pdf = Raport w formacie PDF
report-download-map = Mapa opinii jako slajd (PNG, 1600×900)
report-download-grid = Stwierdzenia według grup i środowisk jako slajd (PNG, 1600×900)
opinion-map-dot = { $count ->
        [one] { $count } osoba
        [few] { $count } osoby, które głosowały podobnie
       *[other] { $count } osób, które głosowały podobnie
    }
opinion-map-dot-in-group = { $count ->
        [one] { $count } osoba, { $group }
        [few] { $count } osoby, które głosowały podobnie, { $group }
       *[other] { $count } osób, które głosowały podobnie, { $group }
    }
opinion-map-you-marked = Twoje miejsce oznacza romb w przerywanym okręgu z etykietą „Ty”.
opinion-map-legend-label = Grupy na mapie
opinion-map-legend-group = { $name }: { $count ->
        [one] { $count } osoba
        [few] { $count } osoby
       *[other] { $count } osób
    }
opinion-map-statements-show = Pokaż stwierdzenia na mapie
opinion-map-statements-explain = Każda ponumerowana etykieta pokazuje kierunek, w którym skłaniają się osoby zgadzające się z danym stwierdzeniem. Stwierdzenia mają ten sam numer w całym raporcie.
report-title = Raport · { $title }
report-statement-title = Stwierdzenie { $number } · { $title }
report-no-such-statement = Ten raport nie zawiera stwierdzenia { $number }: może jest nowe od ostatniej analizy albo nie należy do tego dialogu. Wróć do raportu, aby zobaczyć wszystkie stwierdzenia.
report-minimums = Stwierdzenie jest uznawane za wyróżniające grupę, dzielące albo bliskie wspólnej płaszczyzny tylko wtedy, gdy każda grupa lub środowisko, których to dotyczy, ma przy nim co najmniej 5 głosów („zgadzam się”, „nie zgadzam się” lub „pomiń”), a każda z tych grup liczy co najmniej 3 osoby. Pominięcie nigdy nie jest liczone jako brak zgody: przy stwierdzeniu dzielącym jedni się zgadzają, a drudzy się nie zgadzają.
report-groups-rule = Grupy opinii są pokazywane, gdy co najmniej 10 uczestników zagłosuje na tyle stwierdzeń, by można ich było umieścić na mapie, a głosy podzielą ich na co najmniej dwie grupy liczące 3 osoby lub więcej.
report-groups-not-yet = Grupy opinii nie są jeszcze pokazywane: { $placed ->
        [one] na mapie jest dotąd { $placed } uczestnik,
       *[other] na mapie jest dotąd { $placed } uczestników,
    } { $groups ->
        [0] a głosy nie dzielą jeszcze uczestników na grupy.
        [1] a głosy nie dzielą jeszcze uczestników na grupy.
       *[other] a głosy nie dzielą ich jeszcze na dwie grupy liczące 3 osoby lub więcej.
    }
report-waiting-no-votes = Nikt jeszcze nie zagłosował, więc nie ma czego pokazać.
report-waiting-needs = Raport potrzebuje głosów: udostępnij link do udziału podany poniżej. Podsumowanie i tabela pojawią się kilka sekund po pierwszych głosach; grupy opinii, gdy co najmniej 10 osób zagłosuje na kilka stwierdzeń; wspólna płaszczyzna, gdy w każdej grupie i każdym środowisku będzie przynajmniej kilka głosów na dane stwierdzenie.
report-waiting-computing = Trwa obliczanie pierwszej analizy; ta strona sama się zaktualizuje, gdy będzie gotowa.
report-verdict-common = Wspólna płaszczyzna
report-verdict-divided = Podział
report-verdict-not-shared = Nie łączy grup
report-verdict-out = Usunięte przez moderację
report-verdict-short = Potrzeba więcej głosów
report-show-all = Wszystkie stwierdzenia
report-sort-rank = Najpierw wspólna płaszczyzna
report-sort-divided = Najpierw najbardziej dzielące
report-sort-overall = Największa zgoda ogółem
report-sort-number = Według numeru
report-order-rank = najpierw wspólna płaszczyzna
report-order-number = według numeru
report-order-divided = najpierw najbardziej dzielące
report-order-column = według zgody ({ $column }), od najwyższej
report-showing-none = Żadne stwierdzenie nie pasuje do tego filtra.
report-showing = Wyświetlane: { $first }–{ $last } z { $total ->
        [one] { $total } stwierdzenia
       *[other] { $total } stwierdzeń
    }, { $order }.
report-group-letter = Grupa { $letter }
report-counts = zgadza się: { $agree }, nie zgadza się: { $disagree }, pomija: { $pass }
report-cell-no-votes = { $label }: jeszcze brak głosów
report-cell = { $label }: { $rate } się zgadza{ $likely }; { $counts }{ $enough ->
        [yes] {""}
       *[no] ; za mało głosów, aby je już liczyć
    }
report-cell-likely = , prawdopodobnie { $range }
report-nobody-agrees = Nikt się nie zgadza
report-of = { $part } z { $whole }
report-no-votes = brak głosów
report-points = { $sign }{ $points } pkt proc.
report-equal-weight-reading = { $rate } się zgadza, na podstawie { $counted } z { $of ->
        [groups] { $total ->
            [one] { $total } grupy z głosami
           *[other] { $total } grup z głosami
        }
       *[constituencies] { $total ->
            [one] { $total } środowiska z głosami
           *[other] { $total } środowisk z głosami
        }
    }
report-rests-on = na podstawie { $counted } z { $of ->
        [groups] { $total ->
            [one] { $total } grupy z głosami
           *[other] { $total } grup z głosami
        }
       *[constituencies] { $total ->
            [one] { $total } środowiska z głosami
           *[other] { $total } środowisk z głosami
        }
    }
report-head-count-note = Według liczby osób: ogółem zgadza się { $head } ({ $weighted } po ważeniu){ $verdict ->
        [common] , a stwierdzenie byłoby wspólną płaszczyzną
        [not-common] , a stwierdzenie nie byłoby wspólną płaszczyzną
       *[same] {""}
    }.
report-flag-missing = Brak: nikt z tego środowiska nie wziął udziału
report-flag-too-few = Za mało uczestników, by ocenić poglądy tego środowiska
report-flag-below-expected = Mniej, niż oczekiwano
report-flag-thin = Opiera się na mniej niż 5 osobach, z których każda ma dużą wagę
report-flag-trimmed = Udział w populacji ograniczony do 5-krotności równego udziału
report-unaffiliated = { $count ->
        [0] Każdy uczestnik wybrał środowisko.
        [one] { $count } uczestnik nie wybrał żadnego środowiska.
       *[other] { $count } uczestników nie wybrało żadnego środowiska.
    }
report-channel-online = Online
report-channel-facilitated = Z osobą prowadzącą
report-channel-paper = Na papierze
report-map-note-share = { $group } { $with } (bez nadwyżki { $without })
report-map-note = Mapa opinii jest rysowana według liczby osób, tak jak robi to Pol.is, i opiera się na liczebności środowiska „{ $largest }”: po sprowadzeniu go do równego udziału udziały grup zmieniają się nawet o { $points } pkt proc. ({ $shares }).
report-weighting-head-count = liczba osób
report-weighting-head-count-explained = Każdy uczestnik liczy się raz.
report-weighting-equal = równa waga
report-weighting-equal-explained = Uczestnicy każdego środowiska łącznie ważą tyle samo, podobnie jak osoby spoza wszystkich środowisk, więc środowisko, które przyjdzie licznie, nie może przegłosować pozostałych.
report-weighting-frame = struktura populacji
report-weighting-frame-explained = Środowiska ważą tyle, ile wynosi ich udział w populacji podany przez koordynatorów.
report-weighting-head-count-common = Według liczby osób wspólną płaszczyzną { $head ->
        [one] byłoby { $head } stwierdzenie
        [few] byłyby { $head } stwierdzenia
       *[other] byłoby { $head } stwierdzeń
    }; przy tym ważeniu: { $weighted }.
report-design-effect = Efekt schematu (deff) { $effect }: wyniki ważone są tak precyzyjne jak wyniki nieważone od { $voters } uczestników.
report-near-detail = { $overall }; najmniejsza zgoda wśród { $voted ->
        [one] { $voted } grupy lub środowiska
       *[other] { $voted } grup i środowisk
    } z głosami wynosi { $lowest }.
report-divisive-sides = { $agreeing }: { $agree } się zgadza ({ $agreed } z { $votes ->
        [one] { $votes } głosu
       *[other] { $votes } głosów
    }); { $disagreeing }: { $disagree } się nie zgadza ({ $disagreed } z { $their-votes ->
        [one] { $their-votes } głosu
       *[other] { $their-votes } głosów
    }).
report-divisive-detail = różnica { $points } pkt proc., na podstawie { $counted } z { $total ->
        [one] { $total } grupy
       *[other] { $total } grup
    }.
report-people = { $count ->
        [one] { $count } osoba
        [few] { $count } osoby
       *[other] { $count } osób
    }
report-agree-overall = { $rate } ogółem się zgadza
report-summary-who = Kto wziął udział
report-summary-took-part = Udział { $participants ->
        [one] wzięła { $participants } osoba
        [few] wzięły { $participants } osoby
       *[other] wzięło { $participants } osób
    }; głosowało { $voters } z nich, oddając łącznie { $votes ->
        [one] { $votes } głos
        [few] { $votes } głosy
       *[other] { $votes } głosów
    } na { $statements ->
        [one] { $statements } stwierdzenie
        [few] { $statements } stwierdzenia
       *[other] { $statements } stwierdzeń
    }{ $left-out ->
        [0] {""}
        [one] {" "}(nie uwzględniono tu { $left-out } stwierdzenia odrzuconego w moderacji, czekającego na nią lub jeszcze bez głosów)
       *[other] {" "}(nie uwzględniono tu { $left-out } stwierdzeń odrzuconych w moderacji, czekających na nią lub jeszcze bez głosów)
    }.
report-summary-by-constituency = Według środowisk (uczestników ma { $with-people } z { $constituencies ->
        [one] { $constituencies } środowiska
       *[other] { $constituencies } środowisk
    }): { $parts }{ $none ->
        [0] {""}
        [one] ; { $none } osoba nie wybrała żadnego
        [few] ; { $none } osoby nie wybrały żadnego
       *[other] ; { $none } osób nie wybrało żadnego
    }.
report-summary-basis = { $groups ->
        [0] { $constituencies ->
            [0] wszyscy głosujący, bo nie da się jeszcze wyodrębnić grup ani środowisk
            [one] { $constituencies } środowisko z głosami
            [few] { $constituencies } środowiska z głosami
           *[other] { $constituencies } środowisk z głosami
        }
        [one] { $groups } grupa opinii{ $constituencies ->
            [0] {""}
            [one] {" "}i { $constituencies } środowisko z głosami
            [few] {" "}i { $constituencies } środowiska z głosami
           *[other] {" "}i { $constituencies } środowisk z głosami
        }
        [few] { $groups } grupy opinii{ $constituencies ->
            [0] {""}
            [one] {" "}i { $constituencies } środowisko z głosami
            [few] {" "}i { $constituencies } środowiska z głosami
           *[other] {" "}i { $constituencies } środowisk z głosami
        }
       *[other] { $groups } grup opinii{ $constituencies ->
            [0] {""}
            [one] {" "}i { $constituencies } środowisko z głosami
            [few] {" "}i { $constituencies } środowiska z głosami
           *[other] {" "}i { $constituencies } środowisk z głosami
        }
    }
report-summary-common = Wspólną płaszczyzną { $common ->
        [one] jest
        [few] są
       *[other] jest
    } { $common } z { $statements ->
        [one] { $statements } stwierdzenia
       *[other] { $statements } stwierdzeń
    }, na które głosowano: w każdej z uwzględnionych części ({ $basis }) wyraźna większość się zgadza, a każda z nich liczy się tak samo.
report-summary-none-common = Nic nie jest wspólną płaszczyzną: { $divided } z { $statements ->
        [one] { $statements } stwierdzenia
       *[other] { $statements } stwierdzeń
    }, na które głosowano, { $divided ->
        [one] ma
        [few] mają
       *[other] ma
    } co najmniej jedną grupę lub środowisko (spośród: { $basis }), które nie zgadza się wyraźnie{ $short ->
        [0] {""}
        [one] , a { $short } nadal potrzebuje więcej głosów
        [few] , a { $short } nadal potrzebują więcej głosów
       *[other] , a { $short } nadal potrzebuje więcej głosów
    }.
report-summary-none-common-yet = Nic nie jest jeszcze wspólną płaszczyzną: { $short } z { $statements ->
        [one] { $statements } stwierdzenia
       *[other] { $statements } stwierdzeń
    }, na które głosowano, { $short ->
        [one] potrzebuje
        [few] potrzebują
       *[other] potrzebuje
    } więcej głosów. Stwierdzenie staje się wspólną płaszczyzną, gdy wyraźna większość zgadza się z nim w każdej grupie opinii i w każdym środowisku, a w każdym z nich jest na nie przynajmniej kilka głosów.
report-summary-strongest = Wymieniono { $named ->
        [one] { $named } najsilniejsze
        [few] { $named } najsilniejsze
       *[other] { $named } najsilniejszych
    }; tabela poniżej pokazuje wszystkie.
report-summary-common-heading = Co jest wspólną płaszczyzną
report-summary-no-groups = Grupy opinii nie są jeszcze pokazywane, więc żadne stwierdzenie nie jest uznawane za dzielące.
report-summary-none-divides = Żadne stwierdzenie nie dzieli wyraźnie { $groups ->
        [one] { $groups } grupy opinii
        [few] { $groups } grup opinii
       *[other] { $groups } grup opinii
    }: przy żadnym nie ma osób zgadzających się w jednej grupie i niezgadzających się w innej, z co najmniej 5 głosami w każdej.
report-summary-groups = Głosy tworzą { $groups ->
        [one] { $groups } grupę opinii
        [few] { $groups } grupy opinii
       *[other] { $groups } grup opinii
    }: { $names }.
report-summary-divide-most = { $count ->
        [one] To stwierdzenie dzieli je najbardziej:
       *[other] Te stwierdzenia dzielą je najbardziej:
    }
report-summary-clearest-gap = Najwyraźniejsza różnica między środowiskami: przy stwierdzeniu { $number } zgoda wynosi { $first-rate } ({ $first }) i { $second-rate } ({ $second }), czyli różnica { $points } pkt proc.
report-summary-divide-heading = Gdzie ludzie się różnią
report-summary-no-constituencies = Ten dialog nie ma środowisk, więc nie można ocenić, czyjego głosu brakuje.
report-summary-under-share = { $name } ({ $count ->
        [one] { $count } osoba
        [few] { $count } osoby
       *[other] { $count } osób
    }, { $share } uczestników przy oczekiwanych { $expected })
report-summary-under = { $name } ({ $count ->
        [one] { $count } osoba
        [few] { $count } osoby
       *[other] { $count } osób
    })
report-summary-absent = Nikt z tych środowisk nie wziął udziału: { $names }.
report-summary-under-represented = Niedostatecznie reprezentowane: { $names }.
report-summary-all-present = { $count ->
        [one] Jedyne środowisko wzięło udział mniej więcej w oczekiwanym stopniu lub większym.
        [few] Wszystkie { $count } środowiska wzięły udział mniej więcej w oczekiwanym stopniu lub większym.
       *[other] Wszystkie { $count } środowisk wzięło udział mniej więcej w oczekiwanym stopniu lub większym.
    }
report-summary-missing-heading = Czyjego głosu brakuje
report-holding = { $part } z { $whole } ({ $share }) { $side ->
        [agree] się zgadza
       *[disagree] się nie zgadza
    }
opinion-map-you = Ty
opinion-map-describe-no-groups = Mapa opinii { $people ->
        [one] { $people } osoby
       *[other] { $people } osób
    }, na razie bez grup opinii.
opinion-map-describe-group = { $name } ({ $count ->
        [one] { $count } osoba
        [few] { $count } osoby
       *[other] { $count } osób
    })
opinion-map-describe = Mapa opinii z { $groups ->
        [one] { $groups } grupą opinii
       *[other] { $groups } grupami opinii
    }: { $listed }. Osoby, które głosowały podobnie, są narysowane blisko siebie.
opinion-map-describe-you-in = Należysz do: { $name }.
opinion-map-describe-you-no-group = Jesteś na mapie, ale nie należysz jeszcze do żadnej grupy.
report-group-derived = { $side ->
        [agree] za
       *[disagree] przeciw
    } „{ $statement }”
report-group-described = { $name }: { $description }
report-rounds-not-comparable = nie do porównania
report-rounds-no-change = bez zmian
report-round-name = Runda { $number }
report-round-name-labelled = Runda { $number }, { $label }
report-rounds-voters = W rundzie { $earlier } { $earlier-voters ->
        [one] zagłosowała { $earlier-voters } osoba
        [few] zagłosowały { $earlier-voters } osoby
       *[other] zagłosowało { $earlier-voters } osób
    }, a w rundzie { $later } { $later-voters ->
        [one] zagłosowała { $later-voters } osoba
        [few] zagłosowały { $later-voters } osoby
       *[other] zagłosowało { $later-voters } osób
    }. { $returning ->
        [one] { $returning } osoba głosowała
        [few] { $returning } osoby głosowały
       *[other] { $returning } osób głosowało
    } na te same stwierdzenia w obu rundach, a { $moved } z nich { $moved ->
        [one] zmieniła
        [few] zmieniły
       *[other] zmieniło
    } co najmniej jeden głos.
report-rounds-kind-group = Grupa opinii
report-rounds-kind-constituency = Środowisko
report-reason-out = Usunięte przez moderację: nie jest uwzględnione w analizie.
report-reason-nothing-to-compare = Nie jest wspólną płaszczyzną: nie ma jeszcze grup opinii ani środowisk do porównania.
report-reason-too-few = Za mało głosów ({ $unit }): potrzeba jeszcze { $needed ->
        [one] { $needed } głosu
       *[other] { $needed } głosów
    }.
report-reason-divided = Podział: zgoda wynosi { $rate } ({ $unit }, { $counts }), co nie jest wyraźną większością.
report-reason-divided-unknown = Podział: brak wyraźnej zgody ({ $unit }).
report-reason-voted = głosujący: { $voted }
report-reason-other = { $unit } ({ $rate })
report-reason-also = Również: { $names }.
report-reason-provisional = Wynik wstępny: dotąd zgadza się { $range }; wciąż za mało głosów: { $names }.
report-reason-negative-bridging = Nie jest wspólną płaszczyzną: zgadzają się wszystkie grupy i środowiska, ale wskaźnik pomostowy jest ujemny ({ $intercept }).
report-reason-common = Zgadza się { $range } w każdej z uwzględnionych części ({ $places }).
report-reason-thin = Wciąż za mało głosów: { $names }.
report-coverage = { $whole ->
        [all] { $total ->
            [one] { $kind ->
                [groups] jedyna grupa
               *[constituencies] jedyne środowisko
            }
            [few] wszystkie { $total } { $kind ->
                [groups] grupy
               *[constituencies] środowiska
            }
            [many] wszystkie { $total } { $kind ->
                [groups] grup
               *[constituencies] środowisk
            }
           *[other] wszystkie { $total } { $kind ->
                [groups] grup
               *[constituencies] środowisk
            }
        }
       *[some] { $counted } z { $kind ->
            [groups] { $total ->
                [one] { $total } grupy
               *[other] { $total } grup
            }
           *[constituencies] { $total ->
                [one] { $total } środowiska
               *[other] { $total } środowisk
            }
        }
    }
report-list-and = { $rest } i { $last }
report-list-more = { $shown } i jeszcze { $more }
report-notice-unaffiliated = osoby spoza środowisk
report-notice-no-votes = Nie ma głosów do analizy.
report-notice-fewer-components = { $found ->
        [one] Głosy różnią się tylko w { $found } kierunku, więc mapa opinii ma mniej niż dwie osie.
       *[other] Głosy różnią się tylko w { $found } kierunkach, więc mapa opinii ma mniej niż dwie osie.
    }
report-notice-not-converged = Składowe główne nie osiągnęły zbieżności w ciągu { $iterations } iteracji.
report-notice-fewer-groups = Z { $clustered ->
        [one] { $clustered } uczestnika objętego grupowaniem
       *[other] { $clustered } uczestników objętych grupowaniem
    } udało się utworzyć tylko { $groups ->
        [one] { $groups } grupę opinii
        [few] { $groups } grupy opinii
       *[other] { $groups } grup opinii
    }.
report-notice-smoothed-groups = Nie udało się odtworzyć poprzedniej liczby grup ({ $asked }); utworzono { $used ->
        [one] { $used } grupę
        [few] { $used } grupy
       *[other] { $used } grup
    }.
report-notice-no-groups = Nie ma grup opinii, więc wspólna płaszczyzna opiera się wyłącznie na środowiskach.
report-notice-no-constituencies = Nie podano środowisk, więc wspólna płaszczyzna opiera się wyłącznie na grupach opinii.
report-notice-group-out-of-range = { $rows ->
        [one] { $rows } uczestnik był przypisany do grupy, której analiza wspólnej płaszczyzny nie zna, więc pozostał bez grupy.
       *[other] { $rows } uczestników było przypisanych do grup, których analiza wspólnej płaszczyzny nie zna, więc pozostało bez grupy.
    }
report-notice-unknown-constituency = { $entries ->
        [one] { $entries } wpis o przynależności nie wskazywał żadnego znanego środowiska i został pominięty.
        [few] { $entries } wpisy o przynależności nie wskazywały żadnego znanego środowiska i zostały pominięte.
       *[other] { $entries } wpisów o przynależności nie wskazywało żadnego znanego środowiska i zostało pominiętych.
    }
report-notice-statements-without-info = { $statements ->
        [one] { $statements } stwierdzenie miało głosy, ale nie miało opisu, więc potraktowano je jako niemoderowane.
        [few] { $statements } stwierdzenia miały głosy, ale nie miały opisu, więc potraktowano je jako niemoderowane.
       *[other] { $statements } stwierdzeń miało głosy, ale nie miało opisu, więc potraktowano je jako niemoderowane.
    }
report-notice-setting-replaced = Ustawienie { $field } było poza dopuszczalnym zakresem, więc użyto jego wartości domyślnej.
report-notice-thinly-carried = Zgoda w tej części uczestników ({ $name }) opiera się na mniej niż 5 głosujących, z których każdy waży co najmniej dwa razy więcej niż średnio: zależy od bardzo niewielu osób.
report-notice-share-trimmed = Udział w populacji tej części uczestników ({ $name }) ograniczono do najwyżej 5-krotności jej równego udziału.
report-notice-map-leans = Mapa opinii jest rysowana według liczby osób, a udział jednej z grup opinii zmienia się o { $points } pkt proc. bez nadwyżki liczebnej tej części uczestników ({ $name }): mapa opiera się na jej liczebności.
