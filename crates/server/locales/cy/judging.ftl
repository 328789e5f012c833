# Y dudalen lle mae cyfranogwyr trafodaeth yn barnu cysylltiadau map system y bartneriaeth.
# Gall negeseuon y mae eu hallweddau'n gorffen ag -html gynnwys marcio; testun plaen yw pob neges arall.

judging-title = { $map }: ydych chi'n cytuno?
judging-lead = Mae'r partneriaid wedi llunio'r map hwn o sut mae pethau yn y system leol yn effeithio ar ei gilydd. Mae pob cysylltiad yn dweud bod mwy o un peth yn arwain at fwy, neu at lai, o rywbeth arall. Ydych chi'n cytuno â phob cysylltiad? Mae eich ateb yn cyfrif gydag atebion y grwpiau rydych yn perthyn iddynt, a phob grŵp yn pwyso'r un faint.
judging-saved = Wedi'i gadw. Rydych wedi barnu { $judged } o { $total } cysylltiad.
judging-links-heading = Y cysylltiadau
judging-more = Mae mwy o “{ $from }” yn arwain at fwy o “{ $to }”.
judging-less = Mae mwy o “{ $from }” yn arwain at lai o “{ $to }”.
judging-more-delayed = Mae mwy o “{ $from }” yn arwain at fwy o “{ $to }”, ar ôl cyfnod.
judging-less-delayed = Mae mwy o “{ $from }” yn arwain at lai o “{ $to }”, ar ôl cyfnod.
judging-your-answer = (eich ateb: { $answer })
judging-evidence = Tystiolaeth: { $note }
judging-agree = Cytuno
judging-disagree = Anghytuno
judging-unsure = Ansicr
judging-save = Cadw
judging-save-which = eich ateb am { $from } a { $to }
judging-no-links = Nid oes gan y map gysylltiadau eto.
judging-whole-map = Y map cyfan
judging-not-open = Nid yw'r map hwn ar agor i gyfranogwyr y drafodaeth hon.
judging-choose-link = Dewiswch un o gysylltiadau'r map.
judging-choose-answer = Dewiswch Cytuno, Anghytuno neu Ansicr.
