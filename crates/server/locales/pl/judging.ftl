# Strona, na której uczestnicy dialogu oceniają powiązania na mapie systemu partnerstwa.
# Komunikaty, których klucze kończą się na -html, mogą zawierać znaczniki; pozostałe to zwykły tekst.

judging-title = { $map }: czy się zgadzasz?
judging-lead = Partnerzy narysowali tę mapę, aby pokazać, jak różne sprawy w lokalnym systemie wpływają na siebie nawzajem. Każde powiązanie mówi, że gdy czegoś jest więcej, czegoś innego jest więcej albo mniej. Czy zgadzasz się z każdym powiązaniem? Twoja odpowiedź liczy się razem z odpowiedziami grup, do których należysz, a każda grupa waży tyle samo.
judging-saved = { $total ->
        [one] Zapisano. Oceniłeś(-aś) { $judged } z { $total } powiązania.
       *[other] Zapisano. Oceniłeś(-aś) { $judged } z { $total } powiązań.
    }
judging-links-heading = Powiązania
judging-more = Gdy rośnie „{ $from }”, rośnie też „{ $to }”.
judging-less = Gdy rośnie „{ $from }”, maleje „{ $to }”.
judging-more-delayed = Gdy rośnie „{ $from }”, z opóźnieniem rośnie też „{ $to }”.
judging-less-delayed = Gdy rośnie „{ $from }”, z opóźnieniem maleje „{ $to }”.
judging-your-answer = (Twoja odpowiedź: { $answer })
judging-evidence = Dowody: { $note }
judging-agree = Zgadzam się
judging-disagree = Nie zgadzam się
judging-unsure = Nie wiem
judging-save = Zapisz
judging-save-which = swoją odpowiedź o powiązaniu „{ $from }” i „{ $to }”
judging-no-links = Mapa nie ma jeszcze powiązań.
judging-whole-map = Cała mapa
judging-not-open = Ta mapa nie jest otwarta dla uczestników tego dialogu.
judging-choose-link = Wybierz powiązanie z mapy.
judging-choose-answer = Wybierz: Zgadzam się, Nie zgadzam się albo Nie wiem.
