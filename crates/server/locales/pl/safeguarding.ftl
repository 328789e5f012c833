# Ochrona: strona, którą widzi autor wstrzymanego stwierdzenia, i formularz zgłaszania stwierdzenia.

support-title = Twoje stwierdzenie czeka na moderatora
support-heading = Twoje stwierdzenie czeka na moderatora
support-held = Dziękujemy za wpis. Moderator przeczyta Twoje stwierdzenie, zanim zobaczy je ktokolwiek inny.
support-help-heading = Jeśli potrzebujesz pomocy teraz
support-help-intro = To, co napisałeś, brzmi tak, jakby Ty lub ktoś inny mógł nie być bezpieczny. Nie musisz czekać na nas: te osoby mogą pomóc.
support-default = Możesz bezpłatnie zadzwonić do Samaritans o każdej porze dnia i nocy pod numer 116 123 lub do NHS 111 po pilną poradę zdrowotną.
support-emergency = Jeśli komuś grozi bezpośrednie niebezpieczeństwo, zadzwoń pod 999.
support-back = Wróć do dialogu
flag-title = Zgłoś stwierdzenie
flag-heading = Zgłoś to stwierdzenie moderatorowi
flag-statement-label = Stwierdzenie
flag-reason-legend = Dlaczego je zgłaszasz?
flag-reason-disclosure = Komuś może grozić krzywda
flag-reason-personal-details = Wymienia kogoś z nazwiska lub podaje jego dane osobowe
flag-reason-abuse = Jest obraźliwe
flag-reason-misinformation = Może szerzyć nieprawdziwe informacje o zdrowiu
flag-reason-other = Coś innego
flag-note-label = Co chcesz dodać (opcjonalnie)
flag-submit = Wyślij do moderatora
flag-back = Wróć do dialogu bez zgłaszania
flag-choose-reason = Wybierz, dlaczego zgłaszasz to stwierdzenie.
flag-already = To stwierdzenie zostało już przez Ciebie zgłoszone. Moderator je przeczyta.
flag-link = Zgłoś to stwierdzenie
notice-flagged = Dziękujemy. Moderator przyjrzy się zgłoszonemu stwierdzeniu.

# Odmowy, które uczestnik może napotkać, zgłaszając stwierdzenie (notatka także moderatora). API
# wysyła tekst angielski; strona podaje tę samą odmowę w języku czytelnika. Każda zaczyna się małą
# literą bez kropki, tak jak pisze ją API.
flag-refused-note-too-long = notatka może mieć najwyżej { $max ->
        [one] { $max } znak
        [few] { $max } znaki
        [many] { $max } znaków
       *[other] { $max } znaku
    } (ma { $length })
flag-refused-note-control = notatka nie może zawierać znaków sterujących
flag-refused-reason = powód musi być jednym z: disclosure, personal_details, abuse, misinformation, other
flag-refused-already = to stwierdzenie zostało już przez Ciebie zgłoszone; moderatorzy je przeczytają
