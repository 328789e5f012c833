# Pokój wydarzenia na żywo: widok prezentacji na dużym ekranie, widok osoby prowadzącej
# z przyciskami sterowania, potwierdzenie przed zamknięciem, plakat z kodem QR i ostrzeżenie
# o linku, którego osoby na sali nie mogą otworzyć. Komunikaty z kluczami kończącymi się
# na -html mogą zawierać znaczniki.

## Tytuły i linki między widokami

event-present-title = Prezentacja · { $title }
event-facilitate-title = Prowadzenie · { $title }
event-close-title = Zamknięcie · { $title }
event-poster-title = Plakat · { $title }
event-convenor-page-link = { $title }: strona koordynatora
event-facilitator-view-link = { $title }: widok osoby prowadzącej
event-nav-present = Widok prezentacji
event-nav-facilitate = Widok osoby prowadzącej ze sterowaniem
event-nav-poster = Plakat z kodem QR
event-qr-alt = Kod QR otwierający link dla uczestników { $link }

## Widok prezentacji

event-join-heading = Weź udział przez telefon
event-join-closed-heading = Ten dialog jest zamknięty
event-join-closed = Nie przyjmuje już głosów ani stwierdzeń. Dziękujemy wszystkim, którzy wzięli udział.
event-join-link-html = Albo otwórz <a href="/d/{ $id }">{ $link }</a>
event-figures-heading = Dotychczas
event-figure-participants = Uczestnicy
event-figure-votes = Głosy
event-figure-common-ground = Wspólna płaszczyzna
event-voters = { $count ->
        [one] Zagłosowała { $count } osoba spośród uczestników.
        [few] Zagłosowały { $count } osoby spośród uczestników.
       *[other] Zagłosowało { $count } osób spośród uczestników.
    }
event-statements-state = Stwierdzenia: { $state ->
        [closed] zamknięte
        [open] uczestnicy mogą pisać własne
       *[paused] nowe stwierdzenia są wstrzymane
    }.
event-who-heading = Kto bierze udział
event-who-explained = Każdy pasek pokazuje udział danego środowiska wśród wszystkich uczestników; czerwony znacznik to udział, jakiego oczekiwali koordynatorzy.
event-people = { $count ->
        [one] { $count } osoba
        [few] { $count } osoby
       *[other] { $count } osób
    }
event-expected = oczekiwano { $share }
event-fewer-than-expected = mniej, niż oczekiwano
event-unaffiliated = { $count ->
        [one] { $count } osoba nie wybrała żadnego środowiska.
        [few] { $count } osoby nie wybrały żadnego środowiska.
       *[other] { $count } osób nie wybrało żadnego środowiska.
    }
event-ground-heading = Najnowsza wspólna płaszczyzna
event-ground-waiting = Wspólna płaszczyzna pojawi się tutaj, gdy ludzie zagłosują i będą pierwsze wyniki.
event-ground-count = { $count ->
        [0] Żadne stwierdzenie nie jest jeszcze wspólną płaszczyzną.
        [one] { $count } stwierdzenie jest wspólną płaszczyzną.
        [few] { $count } stwierdzenia są wspólną płaszczyzną.
       *[other] { $count } stwierdzeń jest wspólną płaszczyzną.
    }
event-ground-these = Mają one wyraźną większość w każdej grupie opinii i w każdym środowisku:
event-ground-explained = Stwierdzenie staje się wspólną płaszczyzną, gdy zgadza się z nim wyraźna większość w każdej grupie opinii i w każdym środowisku.
event-refresh-explained = Liczby aktualizują się same co kilka sekund.
event-refresh-link = Pokaż najnowsze liczby
event-full-report = Pełny raport
event-live-updated = Wyniki zostały zaktualizowane o nowe głosy.

## Sterowanie osoby prowadzącej

event-controls-heading = Sterowanie
event-controls-closed-html = Dialog jest zamknięty. Możesz go ponownie otworzyć na <a href="/convenor/dialogues/{ $id }">stronie koordynatora</a>.
event-controls-open = Uczestnicy mogą pisać stwierdzenia. Wstrzymanie pozwala dalej głosować, ale nowe stwierdzenia nie napływają.
event-pause = Wstrzymaj nowe stwierdzenia
event-controls-paused = Nowe stwierdzenia są wstrzymane; uczestnicy nadal mogą głosować.
event-resume = Wznów nowe stwierdzenia
event-close-link = Zamknij dialog…
event-notice-paused = Nowe stwierdzenia są wstrzymane. Uczestnicy nadal mogą głosować; każdy, kto spróbuje coś napisać, dowie się, że stwierdzenia są wstrzymane.
event-notice-resumed = Uczestnicy znów mogą pisać stwierdzenia.
event-notice-closed = Dialog jest zamknięty: nie przyjmuje już uczestników, głosów ani stwierdzeń. Raport pozostaje dostępny.
event-error-statements-choice = Wybierz, czy wstrzymać, czy wznowić nowe stwierdzenia: formularz nie przesłał żadnej z tych opcji.

## Zamknięcie dialogu

event-close-heading = Zamknąć dialog?
event-close-already-html = Ten dialog jest już zamknięty. Możesz go ponownie otworzyć na <a href="/convenor/dialogues/{ $id }">stronie koordynatora</a>.
event-close-explained = Zamknięcie od razu, dla wszystkich, zatrzymuje napływ nowych uczestników, głosów i stwierdzeń. Raport pozostaje dostępny, a dialog możesz później ponownie otworzyć na stronie koordynatora.
event-close-yes = Tak, zamknij dialog
event-close-no = Nie, zostaw go otwartym
event-close-unconfirmed = Dialog jest nadal otwarty. Aby go zamknąć, wybierz „Tak, zamknij dialog”.

## Plakat z kodem QR

event-poster-print-hint = Wydrukuj tę stronę na papierze A4 i powieś ją tam, gdzie ludzie ją zobaczą.
event-poster-print = Wydrukuj plakat
event-poster-eyebrow = Wyraź swoje zdanie
event-poster-step-scan = Skieruj aparat telefonu na kod albo wpisz powyższy adres.
event-poster-step-vote = Przeczytaj krótkie stwierdzenia innych osób i odpowiedz: zgadzam się, nie zgadzam się albo pomiń.
event-poster-step-write = Dodaj własne stwierdzenie, jeśli czegoś brakuje.
event-poster-small = Zajmuje to kilka minut. Nie musisz podawać imienia ani adresu e-mail.

## Ostrzeżenie o linku wskazującym na ten komputer

event-local-link-html = <strong>Osoby na sali nie mogą otworzyć tego linku.</strong> { $link } wskazuje na ten komputer, więc telefony i inne komputery nie mogą się z nim połączyć; kod QR również nie zadziała.
event-local-link-fix-html = Uruchom serwer z adresem, pod którym ludzie go znajdą, na przykład <code>commonground serve --public-url https://dialogue.example.org</code>, albo ustaw <code>COMMONGROUND_PUBLIC_URL</code> w jego środowisku lub <code>public_url</code> w jego pliku konfiguracyjnym, a potem przeładuj tę stronę.
