# Strony uczestnika: dołączanie do dialogu, głosowanie, pisanie stwierdzenia i „Twoje dane”.
# Komunikaty, których klucze kończą się na -html, mogą zawierać znaczniki; pozostałe to zwykły tekst.

## Wspólne dla kilku stron

dialogue-back = Wróć do dialogu
dialogue-opens-on = Ten dialog rozpocznie się { $opens }
dialogue-open-until-sentence = Będzie otwarty do { $closes }.
dialogue-what-came-of-this = Co z tego wynikło
dialogue-next-step = Teraz partnerstwo wybiera, od czego zacząć:
dialogue-you-said = Podałeś(-aś), że jesteś: { $groups }.

## Daty dialogu w jednym zdaniu

dates-opens-until = Rozpocznie się { $opens }, otwarty do { $closes }.
dates-opens = Rozpocznie się { $opens }.
dates-open-until = Otwarty do { $closes }.
dates-closed-on = Zamknięty { $closes }, zgodnie z planem.
dates-open-since = Otwarty od { $opens }.
# Chwila w czasie UTC, np. „12 marca 2027, 17:00 UTC”; $month to numer miesiąca.
date-time = { $day } { $month ->
        [1] stycznia
        [2] lutego
        [3] marca
        [4] kwietnia
        [5] maja
        [6] czerwca
        [7] lipca
        [8] sierpnia
        [9] września
        [10] października
        [11] listopada
       *[12] grudnia
    } { $year }, { $time } UTC

date-day = { $day } { $month ->
        [1] stycznia
        [2] lutego
        [3] marca
        [4] kwietnia
        [5] maja
        [6] czerwca
        [7] lipca
        [8] sierpnia
        [9] września
        [10] października
        [11] listopada
       *[12] grudnia
    } { $year }

## Dołączanie

join-how-heading = Jak to działa
join-step-one-at-a-time = Zobaczysz krótkie stwierdzenia, jedno po drugim.
join-step-choose-html = Przy każdym wybierz <strong>Zgadzam się</strong>, <strong>Nie zgadzam się</strong> albo <strong>Pomiń / Nie wiem</strong>.
join-step-write = Jeśli czegoś brakuje, możesz napisać własne stwierdzenie.
join-step-stand = Po kilku głosach zobaczysz, gdzie jesteś na tle wszystkich uczestników.
join-groups-hint = Dzięki temu każda grupa ludzi jest wysłuchana na równi. Odpowiedź nie jest obowiązkowa.
join-anonymous = Bierzesz udział bez podawania imienia ani danych kontaktowych. To urządzenie przechowuje losowy klucz w pliku cookie, abyś mógł(-a) wrócić tam, gdzie skończyłeś(-aś).
join-start = Zaczynamy
join-results-so-far = Zobacz dotychczasowe wyniki

## Dialog zamknięty albo jeszcze nieotwarty

closed-come-back = Wróć wtedy, aby wziąć udział: zobaczysz krótkie stwierdzenia, jedno po drugim, i powiesz, czy się z nimi zgadzasz.
closed-no-longer = Ten dialog jest zamknięty: nie przyjmuje już nowych uczestników ani głosów.
closed-read-results = Przeczytaj wyniki

## Głosowanie

vote-progress = Oceniono { $voted } z { $total ->
        [one] { $total } stwierdzenia
       *[other] { $total } stwierdzeń
    }
vote-closed-heading = Ten dialog jest zamknięty
vote-closed-text = Nie przyjmuje już głosów. Dziękujemy za udział.
vote-not-open-text = Od tego momentu możesz głosować i pisać stwierdzenia.
vote-question = Czy zgadzasz się z tym stwierdzeniem?
vote-agree = Zgadzam się
vote-disagree = Nie zgadzam się
vote-pass = Pomiń / Nie wiem
vote-keyboard-hint = Klawiatura: naciśnij A, aby się zgodzić, D, aby się nie zgodzić, P, aby pominąć.
vote-recorded = Głos zapisany.
vote-done-heading = Oddałeś(-aś) głos na każde stwierdzenie
vote-done-text = Dziękujemy. Inni mogą dodawać nowe stwierdzenia: wróć później, aby na nie zagłosować.
vote-write-link = Napisz własne stwierdzenie
vote-your-data-link = Twoje dane: zobacz, pobierz albo usuń to, co ten dialog o Tobie przechowuje
vote-missing-statement = Głos nie wskazywał, którego stwierdzenia dotyczy.
vote-missing-choice = Wybierz: Zgadzam się, Nie zgadzam się albo Pomiń.
notice-written = Dziękujemy. Twoje stwierdzenie zostało dodane i inni mogą już na nie głosować. Liczy się jako Twoja zgoda, więc nie poprosimy Cię o głos na nie.
notice-written-pending = Dziękujemy. Twoje stwierdzenie zobaczą inni, gdy zaakceptuje je koordynator. Liczy się jako Twoja zgoda, więc nie poprosimy Cię o głos na nie.
notice-vote-changed = Twój głos został zmieniony. Wyniki liczą Twój nowy głos.
notice-groups-changed = Grupy, do których należysz, zostały zmienione.

## Gdzie jesteś

stand-heading = Gdzie jesteś
stand-group-html = Należysz do: <strong>{ $group }</strong>.
stand-group-of-html = Należysz do: <strong>{ $group }</strong>. { $size ->
        [one] Tylko { $size } osoba głosuje w ten sposób.
        [few] To { $size } osoby, które głosują podobnie.
       *[other] To { $size } osób, które głosują podobnie.
    }
stand-holds-heading = Co wyróżnia Twoją grupę
stand-holding-agree = { $count } z { $seen } ({ $percent }) się zgadza
stand-holding-disagree = { $count } z { $seen } ({ $percent }) się nie zgadza
stand-vote-more = { $needed ->
        [one] Zagłosuj na co najmniej { $needed } stwierdzenie, aby zobaczyć, gdzie jesteś na tle wszystkich uczestników.
        [few] Zagłosuj na co najmniej { $needed } stwierdzenia, aby zobaczyć, gdzie jesteś na tle wszystkich uczestników.
       *[other] Zagłosuj na co najmniej { $needed } stwierdzeń, aby zobaczyć, gdzie jesteś na tle wszystkich uczestników.
    }
stand-full-results = Zobacz pełne wyniki
stand-first-drawing = Mapa opinii jest rysowana po raz pierwszy. Odśwież tę stronę za chwilę, aby zobaczyć, gdzie jesteś.
stand-not-on-map = Twoich głosów nie ma jeszcze na mapie: jest ona rysowana na nowo kilka sekund po nadejściu głosów. Odśwież wkrótce tę stronę.
stand-no-groups-yet = Jesteś na mapie, ale grupy nie są jeszcze wyraźne. Pokażą je kolejne głosy, Twoje i innych.

## Pisanie stwierdzenia

write-title = Napisz stwierdzenie · { $dialogue }
write-heading = Napisz stwierdzenie
write-before-heading = Zanim zaczniesz pisać
write-rule-one-thing = Powiedz jedną rzecz, jasno, tak aby inni mogli się z nią zgodzić albo nie.
write-rule-no-names = Nie wymieniaj z imienia ani nie opisuj nikogo, kogo dałoby się rozpoznać.
write-policy-pre = Koordynator czyta każde stwierdzenie, zanim zobaczą je inni. Stwierdzenia nie na temat, obraźliwe albo takie, które mogłyby ujawnić czyjąś tożsamość, nie są przyjmowane.
write-policy-post = Twoje stwierdzenie od razu zobaczą inni. Koordynator może później usunąć stwierdzenia nie na temat, obraźliwe albo takie, które mogłyby ujawnić czyjąś tożsamość.
write-label = Twoje stwierdzenie
write-hint = { $max ->
        [one] Najwyżej { $max } znak.
        [few] Najwyżej { $max } znaki.
       *[other] Najwyżej { $max } znaków.
    }
write-counter = { $used } z { $max ->
        [one] { $max } znaku
       *[other] { $max } znaków
    }
write-submit = Wyślij stwierdzenie
write-back = Wróć do głosowania
write-error = Twoje stwierdzenie: { $message }
write-duplicate = W tym dialogu jest już stwierdzenie, które mówi to samo. Zagłosuj na nie albo powiedz coś nowego.
write-limit-reached = Napisałeś(-aś) już tyle stwierdzeń, ile może napisać jedna osoba w tym dialogu ({ $limit }). Dziękujemy: zagłosuj teraz na stwierdzenia innych.
write-closed = Ten dialog jest zamknięty, więc nie można dodawać kolejnych stwierdzeń.
write-not-open = Ten dialog nie jest jeszcze otwarty: rozpocznie się { $opens }. Od tego momentu można dodawać stwierdzenia.
write-not-taking = Koordynatorzy nie przyjmują teraz nowych stwierdzeń w tym dialogu. Nadal możesz głosować na te, które są.
write-too-fast = Wysyłasz stwierdzenia szybciej, niż pozwala ten dialog. Twój tekst jest zachowany poniżej: odczekaj { $wait } i wyślij go ponownie.
wait-seconds = { $seconds ->
        [one] sekundę
        [few] { $seconds } sekundy
       *[other] { $seconds } sekund
    }
wait-minutes = { $minutes ->
        [one] minutę
        [few] { $minutes } minuty
       *[other] { $minutes } minut
    }

## Twoje dane

my-data-title = Twoje dane · { $dialogue }
my-data-heading = Twoje dane
my-data-back = Wróć do swoich danych
my-data-lead = To wszystko, co ten dialog o Tobie przechowuje. Tę stronę może zobaczyć tylko przeglądarka, która ma Twój losowy klucz, ten przechowywany przez to urządzenie w pliku cookie.
my-data-about-heading = O Tobie
my-data-participant = Jesteś uczestnikiem numer { $number }. Dołączyłeś(-aś) { $joined }.
my-data-no-groups = Nie podałeś(-aś), do jakich grup ludzi należysz.
my-data-change-groups = Zmień grupy, do których należysz
my-data-nothing-else = { -brand } nie pyta o Twoje imię ani dane kontaktowe i nie zapisuje Twojego adresu internetowego ani tego, jakiej przeglądarki używasz.
my-data-change-heading = Zmień głos
my-data-change-lead = Zmieniłeś(-aś) zdanie? Zagłosuj ponownie: wyniki liczą Twój najnowszy głos.
my-data-vote-now-html = Twój obecny głos: <strong>{ $vote }</strong>
my-data-agree-instead = Jednak się zgadzam
my-data-disagree-instead = Jednak się nie zgadzam
my-data-pass-instead = Jednak pomiń / nie wiem
my-data-votes-heading = Twoje głosy
my-data-votes-lead = { $count ->
        [one] Zagłosowałeś(-aś) na { $count } stwierdzenie. Jeśli zmieniłeś(-aś) zdanie, widać tu każdy oddany głos; wyniki liczą tylko ostatni głos na każde stwierdzenie.
        [few] Zagłosowałeś(-aś) na { $count } stwierdzenia. Jeśli zmieniłeś(-aś) zdanie, widać tu każdy oddany głos; wyniki liczą tylko ostatni głos na każde stwierdzenie.
       *[other] Zagłosowałeś(-aś) na { $count } stwierdzeń. Jeśli zmieniłeś(-aś) zdanie, widać tu każdy oddany głos; wyniki liczą tylko ostatni głos na każde stwierdzenie.
    }
my-data-votes-caption = Każdy oddany głos, od najstarszego
my-data-column-statement = Stwierdzenie
my-data-column-vote = Twój głos
my-data-column-when = Kiedy
my-data-column-counted = Liczony
my-data-column-status = Stan
my-data-counted-yes = Tak
my-data-counted-no = Nie, zmieniony później
my-data-no-votes = Jeszcze nie głosowałeś(-aś).
my-data-statements-heading = Twoje stwierdzenia
my-data-statements-lead = Każde napisane przez Ciebie stwierdzenie liczy się jako Twoja zgoda z nim.
my-data-statements-caption = Twoje stwierdzenia, od najstarszego
my-data-rejection-reason = Powód podany przez koordynatora: { $reason }
my-data-no-statements = Nie napisałeś(-aś) jeszcze żadnego stwierdzenia.
my-data-download-heading = Pobierz swoje dane
my-data-download-lead = Plik ze wszystkim, co jest na tej stronie, w formacie JSON, który mogą odczytać inne programy.
my-data-download = Pobierz swoje dane (plik JSON)
my-data-erase-lead = W każdej chwili możesz usunąć swoje głosy i stwierdzenia z tego dialogu, nawet po jego zamknięciu. Najpierw poprosimy o potwierdzenie.
my-data-erase = Usuń moje dane…
vote-word-agree = Zgadzam się
vote-word-disagree = Nie zgadzam się
vote-word-pass = Pomiń / Nie wiem
status-rejected = nie przyjęte
status-accepted = widoczne dla innych
status-pending-shown = widoczne dla innych; koordynator może je jeszcze sprawdzić
status-pending = czeka na koordynatora

## Grupy, do których należysz

groups-title = Grupy, do których należysz · { $dialogue }
groups-heading = Grupy, do których należysz
groups-lead = Zaznacz każdą grupę, która Cię opisuje, albo żadną. Wyniki zostaną przeliczone z Twoim nowym wyborem kilka sekund po zapisaniu.
groups-question = Które z tych określeń Cię opisują? Wybierz dowolne albo żadne.
groups-save = Zapisz grupy, do których należysz
groups-error = Grupy, do których należysz: { $message }

## Usuwanie danych

erase-title = Usuń swoje dane · { $dialogue }
erase-heading = Usuń swoje dane
erase-what-heading = Co oznacza usunięcie
erase-votes = { $count ->
        [one] Twój { $count } głos zostanie usunięty, razem z wcześniejszymi głosami, które zmieniłeś(-aś). Wyniki przestaną go liczyć przy najbliższym przerysowaniu, kilka sekund później.
        [few] Twoje { $count } głosy zostaną usunięte, razem z wcześniejszymi głosami, które zmieniłeś(-aś). Wyniki przestaną je liczyć przy najbliższym przerysowaniu, kilka sekund później.
       *[other] Twoich { $count } głosów zostanie usuniętych, razem z wcześniejszymi głosami, które zmieniłeś(-aś). Wyniki przestaną je liczyć przy najbliższym przerysowaniu, kilka sekund później.
    }
erase-statements = { $count ->
        [one] Z { $count } napisanego przez Ciebie stwierdzenia usunięte zostaną te, na które nikt inny nie głosował. Te, na które inni głosowali, zostają, bo dotyczą ich głosy innych, ale nie będą już z Tobą powiązane.
       *[other] Spośród { $count } napisanych przez Ciebie stwierdzeń usunięte zostaną te, na które nikt inny nie głosował. Te, na które inni głosowali, zostają, bo dotyczą ich głosy innych, ale nie będą już z Tobą powiązane.
    }
erase-groups = Grupy ludzi, do których według Ciebie należysz, zostaną zapomniane.
erase-key = Losowy klucz, który ta przeglądarka przechowuje dla Ciebie, przestanie działać, tutaj i na każdym innym urządzeniu, na które go skopiowałeś(-aś).
erase-cannot-undo = Tego nie można cofnąć.
erase-join-again = Potem możesz ponownie dołączyć do dialogu jako nowy uczestnik.
erase-confirm = Rozumiem, że moje głosy i stwierdzenia zostaną usunięte na zawsze
erase-submit = Usuń moje dane
erase-keep = Nie, zachowaj moje dane
erase-not-confirmed = Zaznacz pole, aby potwierdzić, że chcesz usunąć swoje dane. Nic nie zostało usunięte.
erase-form-expired = Ten formularz wygasł albo nie pochodzi z tej strony. Wróć, odśwież stronę i spróbuj ponownie.

## Po usunięciu

erased-title = Twoje dane zostały usunięte · { $dialogue }
erased-heading = Twoje dane zostały usunięte
erased-nothing-left = { $dialogue } nie przechowuje już niczego, co jest z Tobą powiązane, a ta przeglądarka nie przechowuje już Twojego losowego klucza.
erased-votes = { $count ->
        [one] Usunięto { $count } głos. Wyniki przestaną go liczyć przy najbliższym przerysowaniu, za kilka sekund.
        [few] Usunięto { $count } głosy. Wyniki przestaną je liczyć przy najbliższym przerysowaniu, za kilka sekund.
       *[other] Usunięto { $count } głosów. Wyniki przestaną je liczyć przy najbliższym przerysowaniu, za kilka sekund.
    }
erased-statements-removed = { $count ->
        [one] Usunięto { $count } Twoje stwierdzenie.
        [few] Usunięto { $count } Twoje stwierdzenia.
       *[other] Usunięto { $count } Twoich stwierdzeń.
    }
erased-statements-unlinked = { $count ->
        [one] { $count } Twoje stwierdzenie zostało zachowane dla osób, które na nie głosowały, ale nie jest już z Tobą powiązane.
        [few] { $count } Twoje stwierdzenia zostały zachowane dla osób, które na nie głosowały, ale nie są już z Tobą powiązane.
       *[other] { $count } Twoich stwierdzeń zostało zachowanych dla osób, które na nie głosowały, ale nie są już z Tobą powiązane.
    }
erased-thanks = Dziękujemy za udział.
erased-back-html = <a href="{ $href }">Wróć do dialogu</a>, gdzie możesz dołączyć ponownie jako nowy uczestnik.

## Rounds: the banner of a dialogue in its second round or later.
round-now = Runda { $number }:
round-again = Możesz ponownie zagłosować na każde stwierdzenie. Twoje głosy z wcześniejszych rund zostają zachowane.

text-refused-empty = Pole jest puste: napisz coś.
text-refused-too-long = Tekst ma więcej niż { $max } znaków: skróć go.
text-refused-control = Tekst zawiera ukryty znak sterujący: usuń go.
text-refused-direction = Tekst zawiera niewidoczny znak kierunku { $code }, który może ukryć treść: usuń go.
text-refused-invisible = Tekst nie zawiera żadnego widocznego znaku: tylko spacje, niewidoczne formatowanie lub akcenty bez litery.
