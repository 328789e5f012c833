# To, co wspólne dla wszystkich stron: układ, wybór języka i strony błędów.
# Komunikaty, których klucze kończą się na -html, mogą zawierać znaczniki.

-brand = Common Ground

layout-site-name = { -brand }
layout-skip-link = Przejdź do treści
layout-convenor-nav = Koordynator
layout-your-partnerships = Twoje partnerstwa
layout-sign-out = Wyloguj się
layout-footer = { -brand }: każda osoba ma równą wartość, każdy punkt widzenia równą wagę.
layout-language-switcher = Język

error-where-next = Dokąd dalej
error-start-page = Przejdź na stronę główną
error-title-not-found = Nie znaleziono
error-title-not-allowed = Brak dostępu
error-title-sign-in = Trzeba się zalogować
error-title-server = Coś poszło nie tak
error-title-other = To się nie udało
error-title-page-not-found = Nie znaleziono strony
error-page-not-found = Pod tym adresem nie ma strony. Być może adres zawiera literówkę albo strona została przeniesiona.
error-internal = Coś poszło nie tak po naszej stronie. Jeśli to się powtórzy, podaj ten numer osobom prowadzącym tę stronę: { $reference }.
error-unavailable = Usługa jest zajęta albo uruchamia się ponownie. Spróbuj ponownie za chwilę.
error-form-expired = Ten formularz wygasł albo nie pochodzi z tej strony. Wróć, odśwież stronę i spróbuj ponownie.
error-back-to-dialogue = Wróć do dialogu
error-back-to-dashboard = Przejdź do panelu dialogu
error-back-to-partnership = Przejdź do strony partnerstwa
error-back-to-partnerships = Przejdź do swoich partnerstw
error-back-to-referer = Wróć do poprzedniej strony
