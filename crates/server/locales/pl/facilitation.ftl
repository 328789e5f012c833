# Pokój prowadzenia: strona koordynatora zapraszająca osoby prowadzące, arkusz papierowych
# kart do wydruku i ekran, na którym osoba prowadząca wprowadza karty. Komunikaty z kluczami
# kończącymi się na -html mogą zawierać znaczniki.

## O co pyta karta, na arkuszu i na ekranie wprowadzania

facilitation-agree = Zgadzam się
facilitation-disagree = Nie zgadzam się
facilitation-pass = Pomiń
facilitation-statement-label = Stwierdzenie
facilitation-code-label = Kod uczestnika

## Ekran wprowadzania

facilitation-entry-title = Wprowadzanie kart · { $title }
facilitation-entry-heading = Wprowadzanie kart
facilitation-entry-lead-html = Wpisz kod uczestnika wydrukowany na karcie, zaznacz to, co zaznaczono na karcie, i zapisz. Każda karta liczy się jako jeden uczestnik, dokładnie tak jak ktoś, kto bierze udział online. <a href="/facilitator/dialogues/{ $id }/sheet">Wydrukuj arkusz pustych kart</a>.
facilitation-saved = Zapisano kartę { $code }: { $count ->
        [one] { $count } głos
        [few] { $count } głosy
       *[other] { $count } głosów
    }, nowy uczestnik.
facilitation-replaced = Karta { $code } zastąpiła kartę wprowadzoną wcześniej z tym kodem: { $count ->
        [one] { $count } głos
        [few] { $count } głosy
       *[other] { $count } głosów
    }.
facilitation-next-blank = Następna karta jest pusta.
facilitation-statement-sent = Stwierdzenie z karty { $code } zostało wysłane do dialogu i przejdzie moderację jak stwierdzenie każdego uczestnika.
facilitation-entry-closed = Ten dialog jest zamknięty: nie przyjmuje już kart.
facilitation-channel-legend = Jak dotarły do ciebie odpowiedzi
facilitation-channel-paper = Papierowa karta
facilitation-channel-facilitated = Osobiście lub przez telefon, ze mną
facilitation-constituencies-legend = Zaznaczone pola środowisk
facilitation-blank-hint = Stwierdzenie pozostawione na karcie bez odpowiedzi zostaje bez odpowiedzi: zostaw jego wiersz pusty.
facilitation-no-statements = W dialogu nie ma jeszcze stwierdzeń do głosowania.
facilitation-replace = Zastąp wcześniejszą kartę tą kartą
facilitation-discard = Odrzuć tę kartę
facilitation-save = Zapisz kartę i wprowadź następną
facilitation-statement-heading = Stwierdzenie napisane na karcie
facilitation-statement-explained = Najpierw wprowadź kartę, a potem tutaj jej stwierdzenie, pod tym samym kodem. Przechodzi ono moderację tego dialogu jak stwierdzenie każdego uczestnika.
facilitation-statement-send = Wyślij stwierdzenie

## Dlaczego karta lub stwierdzenie zostały odrzucone

facilitation-error-channel = Wybierz, czy to papierowa karta, czy karta wypełniona z osobą prowadzącą.
facilitation-error-keyed-already = Karta z tym kodem uczestnika została już wprowadzona. Jeśli ta karta ją poprawia, zastąp wcześniejszą kartę; jeśli to karta innej osoby, sprawdź kod.
facilitation-error-code-empty = Wpisz kod uczestnika wydrukowany na karcie.
facilitation-error-code-invalid = Kod uczestnika ma od 1 do { $max } liter, cyfr lub łączników.
facilitation-error-constituency = „{ $name }” nie jest środowiskiem tego dialogu.
facilitation-error-statement-not-found = Jedno ze stwierdzeń na karcie nie należy do tego dialogu.
facilitation-error-closed = Dialog jest zamknięty.
facilitation-error-not-open = Dialog nie jest jeszcze otwarty: otwiera się { $opens } ({ $stamp }).
facilitation-error-no-card = Nie wprowadzono jeszcze karty z tym kodem uczestnika; najpierw wprowadź kartę.
facilitation-error-duplicate = Dialog ma już to stwierdzenie (stwierdzenie { $id }).
facilitation-error-statements-paused = Dialog nie przyjmuje stwierdzeń od uczestników.

## Arkusz kart

facilitation-sheet-title = Karty · { $title }
facilitation-sheet-back = { $title }: wprowadzanie kart
facilitation-sheet-heading = Karty do wydruku
facilitation-sheet-explained-html = Wydrukuj tę stronę: każda karta jest dla jednej osoby i ma własny kod. Ludzie zaznaczają jedno pole przy każdym stwierdzeniu oraz środowiska, do których należą; puste wiersze zostają puste. Potem wprowadź karty na <a href="/facilitator/dialogues/{ $id }/cards">ekranie wprowadzania</a>.
facilitation-sheet-number = Liczba kart
facilitation-sheet-make = Utwórz arkusz
facilitation-card-label = Karta { $code }
facilitation-card-code-html = Kod <strong>{ $code }</strong>
facilitation-card-caption = Stwierdzenia na karcie { $code }
facilitation-box-agree = pole do zaznaczenia: zgadzam się
facilitation-box-disagree = pole do zaznaczenia: nie zgadzam się
facilitation-box-pass = pole do zaznaczenia: pomiń
facilitation-box = pole do zaznaczenia
facilitation-card-i-am = Jestem:
facilitation-card-write = Czegoś brakuje? Napisz własne stwierdzenie na odwrocie.
facilitation-error-cards-number = Podaj liczbę kart od 1 do { $max }.
facilitation-error-sheet-size = Arkusz mieści od 1 do { $max } kart.

## Osoby prowadzące dialog, dla jego koordynatorów

facilitation-facilitators-title = Osoby prowadzące · { $title }
facilitation-convenor-page-link = { $title }: strona koordynatora
facilitation-facilitators-heading = Osoby prowadzące
facilitation-facilitators-lead = Osoby prowadzące wprowadzają do tego dialogu papierowe karty oraz odpowiedzi ludzi na wydarzeniu lub przez telefon. Nie mogą robić nic więcej: nie koordynują i nie widzą żadnego innego dialogu.
facilitation-key-yourself = Wprowadź karty samodzielnie
facilitation-print-sheet = Wydrukuj arkusz kart
facilitation-link-once = Wyślij ten jednorazowy link osobie prowadzącej. Jest pokazywany tylko teraz.
facilitation-link-label = Link z zaproszeniem
facilitation-invite-heading = Zaproś osobę prowadzącą
facilitation-email-label = Jej adres e-mail
facilitation-email-optional = (opcjonalnie: tylko ten adres może przyjąć zaproszenie)
facilitation-invite-button = Utwórz link z zaproszeniem
facilitation-who-heading = Kto prowadzi
facilitation-nobody-yet = Nikt jeszcze nie przyjął zaproszenia.
facilitation-invitations-heading = Zaproszenia
facilitation-anyone-with-link = każdy, kto ma link
facilitation-invitation-dates = Utworzono { $created }, wygasa { $expires }.
facilitation-status-pending = oczekuje
facilitation-status-accepted = przyjęte
facilitation-status-revoked = cofnięte
facilitation-status-expired = wygasło
facilitation-error-email-too-long = Adres e-mail jest dłuższy niż 254 znaki.
facilitation-error-email-malformed = Adres e-mail nie ma postaci nazwa@domena.

## Odmowy usługi prowadzenia oraz własnego wyboru grup i stwierdzeń przez uczestnika (te same
## odmowy, czy działa sam, czy osoba prowadząca wprowadza jego kartę). API JSON wysyła tekst
## angielski; strona podaje tę samą odmowę w swoim języku. Każda zaczyna się małą literą bez
## kropki; $name to nazwa środowiska w podanej postaci, w cudzysłowie.

facilitation-refused-no-invitation = nie ma takiego zaproszenia do tego dialogu
facilitation-refused-sheet-size = arkusz mieści od 1 do { $max } kart
facilitation-refused-code-empty = wpisz kod uczestnika wydrukowany na karcie
facilitation-refused-code-invalid = kod uczestnika ma od 1 do { $max } liter, cyfr lub łączników
facilitation-refused-online = kartę wprowadza się jako `paper` lub `facilitated`; głosy online oddają sami uczestnicy
facilitation-refused-two-boxes = przy stwierdzeniu { $statement } zaznaczono więcej niż jedno pole; zaznacz jedno: zgadzam się, nie zgadzam się lub pomiń
facilitation-refused-keyed-already = karta z tym kodem uczestnika została już wprowadzona; sprawdź kartę i zastąp wcześniejszą, jeśli ta ją poprawia
facilitation-refused-statement-not-on-card = jedno ze stwierdzeń na karcie nie należy do tego dialogu
facilitation-refused-no-card = nie wprowadzono jeszcze karty z tym kodem uczestnika; najpierw wprowadź kartę
facilitation-refused-not-a-constituency = { $name } nie jest środowiskiem tego dialogu
facilitation-refused-groups-closed = ten dialog jest zamknięty, więc grupy, do których należysz, nie mogą się już zmienić
facilitation-refused-statement-limit = jeden uczestnik może napisać w dialogu najwyżej tyle stwierdzeń: { $allowed }; zagłosuj zamiast tego na stwierdzenia innych
