# Odmowy dostępu: kto może co zrobić, tak jak mówią o tym API i strony.
# API wysyła tekst angielski; strona podaje tę samą odmowę w języku swojego czytelnika. Każda
# zaczyna się małą literą i nie kończy kropką, tak jak pisze je API; strona robi z niej zdanie.

## Kto może oglądać lub zmieniać partnerstwo, występować w imieniu partnera albo prowadzić dialog

access-refused-see-partnership = to partnerstwo mogą oglądać tylko jego koordynatorzy i przedstawiciele jego partnerów
access-refused-convene = tylko koordynatorzy tego partnerstwa mogą to zrobić
access-refused-no-partner = w tym partnerstwie nie ma takiego partnera
access-refused-speak-for = tylko przedstawiciele tego partnera i koordynatorzy partnerstwa mogą to zrobić
access-refused-record-stance = stanowisko tego partnera mogą zapisać tylko jego przedstawiciele
access-refused-answer-survey = na ankietę zaufania w imieniu tego partnera mogą odpowiedzieć tylko jego przedstawiciele
access-refused-propose-for = zmiany na mapie w imieniu tego partnera mogą proponować tylko jego przedstawiciele
access-refused-name-partner = przedstawiciel proponuje zmiany w imieniu partnera, którego reprezentuje: podaj go w as_partner
access-refused-judge-links = powiązania na mapie w imieniu tego partnera mogą oceniać tylko jego przedstawiciele
access-refused-pin-action = to działanie mogą przypiąć do mapy tylko przedstawiciele partnerów, do których ono należy lub którzy je współdzielą, oraz koordynatorzy partnerstwa
access-refused-report-progress = postępy tego działania mogą zgłaszać tylko przedstawiciele partnerów, do których ono należy lub którzy je współdzielą, oraz koordynatorzy partnerstwa
access-refused-dialogue = tylko koordynatorzy partnerstwa, do którego należy ten dialog, mogą to zrobić
access-refused-key-cards = karty tego dialogu mogą wprowadzać tylko jego osoby prowadzące i koordynatorzy
access-refused-moderate = tylko moderatorzy i koordynatorzy tego dialogu mogą to zrobić
access-refused-private-report = ten raport jest przeznaczony dla koordynatorów partnerstwa i partnerów, którym go udostępniono
access-refused-outcomes-unpublished = to partnerstwo nie opublikowało swoich wyników
access-refused-no-calendar-feed = nie ma takiego kanału kalendarza

## Klucz uczestnika i adres, pod którym zostaje podany

access-refused-path-no-dialogue = adres nie wskazuje żadnego dialogu
access-refused-dialogue-id = identyfikator dialogu nie jest liczbą
access-refused-token-other-dialogue = ten klucz uczestnika należy do innego dialogu
access-refused-map-not-open = ta mapa nie jest otwarta na oceny uczestników
access-refused-token-unlinked-map = ten klucz uczestnika należy do dialogu, z którym ta mapa nie jest powiązana
access-refused-path-no-list = adres nie wskazuje żadnej listy priorytetów
access-refused-list-id = identyfikator listy priorytetów nie jest liczbą
access-refused-token-other-list = ten klucz uczestnika należy do innej listy priorytetów
