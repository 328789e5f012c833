# Gwrthodiadau mynediad: pwy all wneud beth, fel y mae'r API a'r tudalennau'n eu dweud.
# Mae'r API yn anfon y Saesneg; mae tudalen yn dweud yr un gwrthodiad yn iaith ei darllenydd.
# Mae pob un yn dechrau â llythyren fach heb atalnod llawn; mae tudalen yn ei droi'n frawddeg.

## Pwy all weld neu newid partneriaeth, siarad ar ran partner, neu redeg trafodaeth

access-refused-see-partnership = dim ond cynullwyr y bartneriaeth hon a chynrychiolwyr ei phartneriaid all ei gweld
access-refused-convene = dim ond cynullwyr y bartneriaeth hon all wneud hyn
access-refused-no-partner = does dim partner o'r fath yn y bartneriaeth hon
access-refused-speak-for = dim ond cynrychiolwyr y partner hwn a chynullwyr y bartneriaeth all wneud hyn
access-refused-record-stance = dim ond cynrychiolwyr y partner hwn all gofnodi ei safbwynt
access-refused-answer-survey = dim ond cynrychiolwyr y partner hwn all ateb yr arolwg ymddiriedaeth ar ei ran
access-refused-propose-for = dim ond cynrychiolwyr y partner hwn all gynnig i'r map ar ei ran
access-refused-name-partner = mae cynrychiolydd yn cynnig ar ran partner y mae'n ei gynrychioli: enwch ef yn as_partner
access-refused-judge-links = dim ond cynrychiolwyr y partner hwn all farnu cysylltiadau'r map ar ei ran
access-refused-pin-action = dim ond cynrychiolwyr y partneriaid sy'n berchen ar y cam gweithredu hwn neu'n ei rannu, a chynullwyr y bartneriaeth, all ei binio i'r map
access-refused-report-progress = dim ond cynrychiolwyr y partneriaid sy'n berchen ar y cam gweithredu hwn neu'n ei rannu, a chynullwyr y bartneriaeth, all adrodd ar ei gynnydd
access-refused-dialogue = dim ond cynullwyr y bartneriaeth sy'n berchen ar y drafodaeth hon all wneud hyn
access-refused-key-cards = dim ond hwyluswyr a chynullwyr y drafodaeth hon all deipio cardiau ar ei chyfer
access-refused-moderate = dim ond cymedrolwyr a chynullwyr y drafodaeth hon all wneud hyn
access-refused-private-report = mae'r adroddiad hwn ar gyfer cynullwyr y bartneriaeth a'r partneriaid y caiff ei rannu â nhw
access-refused-outcomes-unpublished = nid yw'r bartneriaeth hon wedi cyhoeddi ei chanlyniadau
access-refused-no-calendar-feed = does dim ffrwd galendr o'r fath

## Tocyn cyfranogwr, a'r cyfeiriad y caiff ei gyflwyno iddo

access-refused-path-no-dialogue = nid yw'r llwybr yn enwi trafodaeth
access-refused-dialogue-id = nid yw dynodydd y drafodaeth yn rhif
access-refused-token-other-dialogue = mae'r tocyn cyfranogwr hwn yn perthyn i drafodaeth arall
access-refused-map-not-open = nid yw'r map hwn ar agor i farn cyfranogwyr
access-refused-token-unlinked-map = mae'r tocyn cyfranogwr hwn yn perthyn i drafodaeth nad yw'r map hwn wedi'i gysylltu â hi
access-refused-path-no-list = nid yw'r llwybr yn enwi rhestr flaenoriaethau
access-refused-list-id = nid yw dynodydd y rhestr flaenoriaethau yn rhif
access-refused-token-other-list = mae'r tocyn cyfranogwr hwn yn perthyn i restr flaenoriaethau arall
