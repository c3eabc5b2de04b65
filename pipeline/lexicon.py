"""The cue lexicon of extraction: which words say a place changed hands, and which do not.

Data, not logic: each table is (kind, regex). Kinds:

- ``capture``: a transitive verb whose object is the place ("captured Farah").
- ``capture_intrans``: the place is the subject ("Kandahar fell", "was overrun").
- ``capture_nominal``: "the fall of", "the capture of" (asserted, undated by itself).
- ``contest`` / ``contest_intrans``: fighting in or for the place.
- ``retake`` / ``retake_intrans``: government forces took it back.
- ``nonevent`` / ``nonevent_intrans``: near a place without changing its control
  ("closing in on", "fled", "remains under government control"); a place bound to one of
  these yields nothing.
"""

from __future__ import annotations

import re

from pipeline.dates import APPROXIMATE_COUNT, DAY_COUNT

_F = re.IGNORECASE
# The government's forces by their acronyms, as ministries and Afghan outlets write them.
_GOVERNMENT_ACRONYMS = r"ANDSF|ANSF|ANA|ANP|NDS"

_TAKE = (
    r"(?:took|take[sn]?|taking)(?!\s+(?:place|part|steps|refuge|shelter|hold\s+of\s+power|hostage"
    # "took to the rooftops", "take up arms"
    r"|to\b|up\s+arms|up\s+positions))"
)
_CAPTURE_VERBS = (
    r"captur(?:e[sd]?|ing)|seiz(?:e[sd]?|ing)|overr(?:an|un|uns|unning)|over-r(?:an|un)"
    r"|conquer(?:s|ed|ing)?|occup(?:y|ies|ied|ying)|overtook|overtaken|swept\s+(?:into|through)|sweeping\s+into"
    r"|(?:gained|gains?|gaining|took|taken|seized|assumed|established|wrested|grabbed)"
    r"\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)"
    r"|" + _TAKE + r"(?:\s+over)?"
    # a witness's "found the district centre in Taliban hands"
    r"|(?:found|find|finds)(?=\s+(?:the\s+)?(?:[\w’'-]+\s+){1,5}?in\s+(?:the\s+)?(?:Taliban|insurgents?"
    r"|militants?)(?:'s|’s|'|’)?\s+(?:hands|control)\b)"
    r"|(?:raised|hoisted|planted)\s+(?:their|its|the\s+Taliban(?:'s|’s)?|a\s+white|the\s+white)"
    r"\s+(?:\w+\s+)?flags?\s+(?:over|on|in|above|at)"
    # "The Taliban's white flag was flying over the district headquarters"
    r"|(?<!national\s)(?<!afghan\s)(?<!government\s)(?<!tricolour\s)(?<!tricolor\s)"
    r"flags?\s+(?:was|were|is|are|now|had\s+been|has\s+been)\s+(?:now\s+|seen\s+|already\s+)?"
    r"(?:flying|fluttering|flown|hoisted|raised|planted)\s+(?:over|on|above|at|in)"
    # "saw the group's white flags flying over the customs post at Torghundi"
    r"|(?:taliban(?:'s|’s)?|white|group(?:'s|’s)|their)\s+(?:white\s+)?flags?\s+(?:flying|fluttering)"
    r"\s+(?:over|on|above|at|in)"
    r"|surrendering(?!\s+(?:troops|soldiers|forces|men|police(?:men)?|fighters|members|officers))"
    r"|hand(?:ing)?\s+over|(?:walked|rolled|strolled)\s+into"
    r"|abandon(?:ed|ing)|claim(?:ed|s)?\s+(?:full\s+)?control\s+(?:of|over)"
    # "On July 20, the Taliban claimed the Arghistan district", "Taliban claim Aqcha district"
    # (checked in ``pipeline.extract`` for a name after it: the scan runs on lowered text)
    r"|claim(?:ed|s)?(?=\s+(?:the\s+)?(?!(?:the|that|city|town|district|capital|province|area"
    r"|provincial)\b)(?:[\w-]+\s+){1,2}(?:district|city|town|crossing|border\s+crossing|port)\b"
    r"(?![’']))"
    # a Long War Journal map: "assesses the Kohistan district in Faryab as Taliban-controlled"
    r"|assess(?:es|ed)?(?=[^.;]{0,80}\bas\s+(?:being\s+)?(?:Taliban[-\s]controlled|controlled\s+by"
    r"\s+the\s+Taliban))"
    # a resident's "There is no government in Nerkh any more", "no government left in Farah"
    r"|no\s+(?:more\s+)?government\s+(?:left\s+)?(?:in|at)"
    # the group's own word: "boasted of having 'cleansed' Almar district of government forces"
    r"|['‘\"“]?cleansed['’\"”]?"
)
# Checked against their subject in ``pipeline.extract``: who controls, who withdrew.
_CONTROL = (
    r"(?:now\s+|fully\s+|effectively\s+)?control(?:s|led)?(?!\s+by)"
    r"|(?:now|still|already|firmly)\s+(?:hold|holds|holding|held)(?!\s+out\b)"
    # "The Taliban say they also hold the Kalafgan district" (never "they hold talks")
    r"|(?:(?<=they\s)|(?<=we\s))(?:also\s+)?hold(?!\s+(?:out|on|off|back|talks|elections"
    r"|meetings|the\s+line|the\s+upper|the\s+key|a|an)\b)"
    # "The Taliban have held Darqad district since last week"
    r"|(?:have|has)\s+(?:now\s+|already\s+)?held"
    r"|(?:are|is|were|was)\s+(?:now\s+)?in\s+(?:full\s+|complete\s+)?control\s+of"
)
_WITHDRAWAL = (
    r"(?:withdrew|withdrawn|withdrawing|retreated|retreating|fell\s+back|(?:tactical\s+)?retreat"
    r"|withdrawal|relocated|relocating|redeployed|redeploying)['’\"”]?\s+(?:of\s+\w+\s+)?"
    r"(?:from|out\s+of)"
    r"|pull(?:ed|ing)?\s+(?:(?:their|its|the|his)\s+)?(?:troops\s+|forces\s+|soldiers\s+)?out\s+(?:of|from)"
    # "Afghan forces pulled back from the Dehrawud district this morning"
    r"|pull(?:ed|ing)?\s+back\s+from"
    r"|lost\s+control\s+(?:of|over)|gave\s+up|give\s+up|giving\s+up|ceded|relinquished"
    # "the security forces evacuated the Panjwai district centre"
    r"|evacuated(?=\s+(?:the\s+)?(?:[\w’'-]+\s+){1,3}district\s+(?:cent(?:re|er)|headquarters))"
    # "By Saturday morning the government had lost it": who lost it is checked like a withdrawal
    r"|(?:government|army|forces|troops|police|soldiers)\s+(?:had\s+|has\s+|have\s+)?lost"
    r"(?=\s+(?:it|the\s+(?:district|city|town|crossing)(?:\s+cent(?:re|er))?)\b(?!['’]s|\s+to\b))"
    # "the last government forces left the city late on July 29" (never "left for Kabul")
    r"|left(?=\s+(?:the\s+)?(?:city|town|district(?:\s+cent(?:re|er))?|provincial\s+capital)\b)"
    # an officer's "We lost Kishim last night", "Our forces left Maiwand this morning", "its
    # soldiers had left the Nawzad district", "policemen left the Barmal district headquarters"
    r"|\bwe\s+(?:have\s+|had\s+)?lost(?=\s+[A-Z])"
    r"|(?:(?<=forces\s)|(?<=troops\s)|(?<=police\s)|(?<=soldiers\s)|(?<=army\s)"
    r"|(?<=policemen\s))(?:had\s+|have\s+|has\s+)?left(?=\s+(?:the\s+)?[A-Z])"
    # an official's "the security forces 'tactically left' Kuf Ab"
    r"|tactically\s+left(?=['’\"”]?\s+(?:the\s+)?[A-Z])"
    # "the police had 'moved to a safer place' from Khan Abad": an official's word for leaving
    r"|moved\s+to\s+(?:a\s+)?safer\s+(?:place|location|area|positions?)['’\"”]?\s+from"
    # "leaving the town to the insurgents"
    r"|(?:leaving|left|leave|leaves)(?=\s+(?:[\w’'-]+\s+){1,4}?to\s+(?:the\s+)?"
    r"(?:Taliban|insurgents|militants|mujahideen)\b)"
    # "but lost it again to a Taliban counter-attack", "lost Nahrin to the insurgents"
    r"|los(?:t|ing)(?=\s+(?:it|them|the\s+(?:district|town|city|cent(?:re|er)|district\s+cent(?:re|er)"
    r"|crossing|base)|[\w’'-]+(?:\s+[\w’'-]+)?\s+(?:district|city|town)"
    # "lost Dahana-i-Ghori in Baghlan to the Taliban"
    r"|[\w’'-]+(?:\s+[\w’'-]+)?(?:\s+(?:district|city|town))?\s+in\s+[\w’'-]+(?:\s+province)?"
    # "lost Yamgan again to the Taliban": a bare name (the place is bound in ``pipeline.extract``)
    r"|(?!\d|many\b|several\b|some\b|dozens\b|hundreds\b|their\b|its\b|his\b)[\w’'-]+(?:\s+[\w’'-]+)?)"
    r"\s+(?:again\s+|back\s+)?"
    r"to\s+(?:the\s+|a\s+)?(?:Taliban|insurgents?|militants?))"
    # a loss told without the winner, read by who lost it ("the army lost Yamgan district on
    # Tuesday"; the group's "seized Yamgan on June 19, lost it to commandos three days later")
    r"|los(?:t|ing)(?=\s+(?:it|them)\b(?!['’]s)"
    r"|\s+(?!the\b|an?\b|their\b|its\b|his\b|many\b|several\b|some\b)[\w’'-]+(?:\s+[\w’'-]+)?"
    r"\s+(?:district|city|town)\b"
    # "have lost at least three districts this month, among them Dawlat Shah in Laghman"
    r"|\s+(?:at\s+least\s+|more\s+than\s+)?[\w-]+\s+(?:more\s+)?districts\b[^.;:]{0,40}?"
    r",?\s+(?:including|among\s+them|such\s+as)\b"
    # "Afghan forces had lost the Kaldar district in Balkh province"
    r"|\s+the\s+(?!police\b)[\w’'-]+(?:\s+[\w’'-]+)?\s+(?:district|city|town)\b(?!['’]s)"
    r"|\s+(?:[\w’'-]+\s+){0,5}?to\s+(?:an?\s+|the\s+)?(?:government|commandos?|counter-?attack"
    r"|counter-?offensive|security\s+forces|afghan\s+forces|troops|army)\b)"
)
_CONTEST_LOCATION = r"the\s+(?:edges?|outskirts|gates|streets)\s+of|outskirts\s+of"
_CAPTURE_INTRANS = (
    # (a fall to the other side, "fell to the US-backed Northern Alliance", is checked as a retake)
    r"f[ae]ll(?:s|en)?"
    r"|falling(?=\s+to)|(?<=after\s)falling(?=\s+(?:on|late|early|in|last))|collapsed"
    r"|(?:was|were|has\s+been|have\s+been|had\s+been|is|are|being|got)\s+"
    r"(?:(?:now|also|reportedly|quickly|swiftly|completely|fully|entirely)\s+)?"
    # the group's word quoted: "had been 'conquered'"
    r"['‘\"“]?"
    r"(?:captured|seized|taken(?:\s+over)?|overrun|overtaken|lost|surrendered|handed\s+over|conquered"
    r"|cleansed"
    r"|abandoned|evacuated\s+by)"
    r"|(?:came|comes|come|fell|is|was|are|were|now|remains?|remained|has\s+been|have\s+been"
    r"|had\s+been)\s+(?:(?:now|reportedly|already|firmly|effectively)\s+)?"
    r"(?:fully\s+|completely\s+)?"
    r"(?:under|in)\s+(?:the\s+)?(?:full\s+|complete\s+)?(?:control\s+of\s+(?:the\s+)?(?:Taliban|mujahid(?:een|in)|Islamic\s+Emirate)"
    # "their control": the group's only when the text last named it (extract._held_by_the_group)
    r"|(?:Taliban|insurgents?|militants?|group|Islamic\s+Emirate|their)(?:'s|’s|'|’)?\s+"
    r"(?:full\s+|complete\s+|total\s+)?(?:control|hands))"
    # "Control of Imam Sahib passed to the insurgents", "passed into Taliban hands"
    r"|passed\s+(?:in)?to\s+(?:the\s+)?(?:hands\s+of\s+the\s+)?(?:Taliban|insurgents?|militants?)"
    r"(?:(?:'s|’s|'|’)?\s+(?:control|hands))?"
    # (never "has changed hands twice this week": the changes told after it are the events)
    r"|changed\s+hands(?!\s+(?:twice|repeatedly|(?:two|three|four|several|many|multiple|numerous)"
    r"\s+times)\b)"
    r"|(?:is|was|are|were|now)\s+(?:now\s+|still\s+)?in\s+the\s+hands\s+of\s+the\s+"
    r"(?:Taliban|enemy)"
    r"|slipped\s+(?:out\s+of|from)\s+(?:the\s+)?(?:government(?:'s|’s)?\s+)?(?:control|hands)"
    # a resident's "the city is gone", "by morning the whole of Qalat was theirs"
    r"|(?:is|was|has\s+been)\s+(?:now\s+)?gone\b|(?:is|was|are|were)\s+(?:now\s+)?theirs\b"
    r"|(?:is|was|are|were)\s+(?:now\s+)?(?:fully\s+)?Taliban-(?:controlled|held)"
    r"|(?:captured|seized|taken|overrun|overtaken|held|controlled)\s+by\s+(?:the\s+)?"
    r"(?:Taliban|insurgents|militants)"
    r"|lost\s+to\s+(?:the\s+)?(?:Taliban|insurgents|militants)"  # "Deh Yak district, lost to the"
    # the group's word for a district handed over: "Ashtarlay had joined the Islamic Emirate"
    r"|(?:has\s+|have\s+|had\s+)?joined\s+(?:the\s+Islamic\s+Emirate|the\s+Taliban|it\s+peacefully)"
)
_CAPTURE_BOTH = r"surrender(?:ed|s)?|handed\s+(?:over\s+)?to|handed\s+over"
_CAPTURE_NOMINAL = (
    r"(?:fall|capture|seizure|loss|takeover|take-over|surrender|handover|conquest)\s+of"
)
_CONTEST = (
    # "nearly overran the Jalrez district headquarters", "Security forces nearly lost Sancharak":
    # fought for, not fallen
    r"(?:nearly|almost)\s+(?:overr(?:an|un)|captured|seized|took|taken|lost)"
    # a retake under way: "The Taliban are being pushed out of Shirin Tagab"
    r"|(?:is|are|was|were)\s+(?:now\s+|still\s+|slowly\s+|gradually\s+)?being\s+(?:pushed|driven"
    r"|forced|cleared|flushed)\s+(?:back\s+)?(?:out\s+of|from)"
    r"|battl(?:e[sd]?|ing)(?:\s+for(?:\s+control\s+of)?)?|fight(?:s|ing)?(?:\s+for)?|fought(?:\s+for)?"
    r"|clash(?:es|ed|ing)?|attack(?:s|ed|ing)?(?:\s+on)?|assault(?:s|ed|ing)?(?:\s+on)?"
    # (never "the 2021 Taliban offensive in Badakhshan": a campaign's name)
    r"|offensive\s+(?:on|against|around|into)|counter-?offensive\s+(?:on|against|around|in|into)"
    # (never the adjective: "the surrounding desert", "its surrounding villages")
    r"|besieg(?:e|ed|ing)|siege\s+of|(?<!the\s)(?<!its\s)(?<!their\s)surround(?:ed|ing)"
    r"|(?:laid|lay|laying|lays)\s+siege\s+to"
    r"|push(?:ed|ing)?\s+into|stormed|storm(?:s|ing)?|breach(?:ed|ing)"
    # (never time entered: "the siege entered its second month", "talks enter a new phase")
    r"|(?:entered|(?<!to\s)enter(?:s|ing)?)"
    r"(?!\s+(?:its|a|the)\s+[\w-]+\s+(?:day|week|month|year|phase|stage|round)s?\b)"
    # "managed to enter the city": an entry made; "tried to enter it": an attack (never "afraid
    # to enter", "refused to enter")
    r"|(?:(?<=managed\sto\s)|(?<=tried\sto\s)|(?<=trying\sto\s)|(?<=attempted\sto\s)"
    r"|(?<=attempting\sto\s))enter"
    r"|infiltrat(?:ed|ing)|gun\s?battles?|skirmish(?:es)?|street\s+fighting"
    # "The front line now runs through the middle of Lashkar Gah"
    r"|front[\s-]?lines?\s+(?:now\s+)?(?:runs?|ran|cuts?|passe[sd])\s+through"
    r"|for\s+control\s+of|shell(?:ed|ing)|push\s+(?:on|into)"
    # the army's "clearance operations in Zurmat district": fighting for it
    r"|(?:clearance|clearing|mop-?up)\s+operations?\s+(?:(?!would|will|could|to\b|soon)\w+\s+){0,3}?"
    r"(?:in|of|around|on)"
    # an operation "to clear" a place (checked for the operation before it in
    # ``pipeline.extract``): "launched an operation this morning to clear the Alingar district"
    r"|to\s+clear(?=\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}?(?:districts?|city|area|villages?|town|outskirts"
    r"|police\s+districts?)\b)"
    # or the place itself: "an operation to clear Lashkargah, the capital of Helmand"
    # (a name of two or three words too: "to clear Pul-e Alam and")
    r"|to\s+clear(?=\s+(?!(?:taliban|fighters|militants|insurgents|enemy|them|it|mines)\b)[\w’'-]+"
    r"(?:\s+(?!(?:taliban|fighters|militants|insurgents)\b)[\w’'-]+){0,2}?"
    r"(?:\s+(?:city|district|province))?(?:\s*[,.;]|\s+(?:of|from|and)\b))"
    r"|repel(?:led|s|ling)?|repuls(?:ed|es|ing|e)|beat(?:en)?\s+back|fought\s+off|fend(?:ed)?\s+off"
    # (a headline's bare present: "Taliban seize Lashkar Gah, break into Kandahar")
    r"|(?:moved|moving|moves?|advanced|advancing|advances?|pushed|pushing|broke|broken|breaking"
    r"|breaks?)\s+(?:deep\s+)?into"
    # "Taliban fighters are still holding out in several districts" of a city retaken
    r"|holding\s+out\s+(?:in|inside|at)"
    # "security forces were still resisting in the district centre"
    r"|resist(?:ing|ed)\s+(?:in|inside|at)"
    # fighters in the heart of a place have entered it: "reached the centre of Kunduz city"
    r"|reach(?:ed|ing)\s+the\s+(?:cent(?:re|er)|heart|middle|main\s+square)\s+of"
    r"|made\s+(?:their|its)\s+way\s+into|set\s+fire\s+to|torch(?:ed|ing)"
    r"|(?:fired|firing|fire|fires|lobbed|launched)\s+(?:(?:a|several|dozens\s+of|more)\s+)?"
    r"(?:rockets?|mortars?|mortar\s+(?:rounds|shells)|shells|artillery)\s+(?:at|into|on)"
    r"|rocket\s+attacks?\s+on"
)
_CONTEST_INTRANS = (
    r"(?:is|was|are|were|came|come|comes|remains?|remained|has\s+been|have\s+been|had\s+been)"
    r"\s+(?:effectively\s+|now\s+|still\s+|virtually\s+)?under\s+"
    # any words but stand-off fire's ("came under rocket fire" alone is no fighting)
    r"(?:(?!control\b|rocket|mortar|artillery|shell)[\w-]+\s+){0,4}?(?:attacks?|assaults?|siege|fire)"
    r"|(?:saw|sees|seen)\s+(?:heavy\s+|fierce\s+)?(?:fighting|clashes)"
    r"|as\s+contested"
    r"|(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:(?:now|effectively|virtually|still|completely|almost|nearly|briefly|repeatedly|again"
    r"|also)\s+){0,2}"
    r"(?:besieged|surrounded|attacked|stormed"
    # (never "the Taliban were repelled in Imam Sahib": the place after is where they were)
    r"|contested|(?:repelled|repulsed|beaten\s+back)(?!\s+(?:in|inside|at|near|outside)\b))"
    # "Kunduz city was nearly overrun on Sunday": fought for, not fallen
    r"|(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:nearly|almost)\s+"
    r"(?:overrun|captured|taken|lost|seized)"
    # "Faizabad almost fell last month", "came close to falling on Thursday", a fall under way:
    # "Qala-e Naw is being overrun", "As Dara-i-Suf was falling"
    r"|(?:nearly|almost)\s+(?:fell|fallen|collapsed)"
    r"|c(?:ame|omes?|oming)\s+close\s+to\s+(?:falling|collapsing|being\s+(?:overrun|captured|taken))"
    r"|(?:is|was|are|were)\s+(?:now\s+|still\s+)?being\s+overrun"
)
_RETAKE = (
    # "retook the control of" in translated copy
    r"(?:retook|retake[sn]?|retaking|recaptur(?:e[sd]?|ing))(?:\s+(?:the\s+)?control\s+(?:of|over))?"
    r"|regain(?:s|ed|ing)?(?:\s+(?:the\s+)?control\s+(?:of|over))?"
    r"|reclaim(?:s|ed|ing)?|(?:took|take|takes|taking|taken|won|winning)\s+back"
    r"(?:\s+(?:the\s+)?control\s+of)?"
    r"|(?:push(?:ed)?|drive|drove|driven|force[ds]?|clear(?:ed)?|expel(?:led)?|evict(?:ed)?)\s+(?:the\s+)?"
    r"(?:Taliban|insurgents|militants|them|fighters)\s+(?:\w+\s+)?(?:back\s+)?(?:out\s+of|from)"
    # "overran Qala-e-Naw ..., only for commandos to drive them out early Saturday"
    r"|(?:push(?:ed)?|drive|drove|driven|force[ds]?|expel(?:led)?)\s+them\s+(?:back\s+)?out\b(?!\s+of)"
    r"|cleared|liberat(?:e[sd]?|ing|ion(?=\s+of\b))|wrest(?:ed|ing)?\s+back(?:\s+(?:full\s+|the\s+)?control\s+(?:of|over))?"
    # "Uprising forces are back in control of the Injil district" (checked for the side)
    r"|(?:is|are|was|were)\s+(?:now\s+)?back\s+in\s+(?:full\s+)?control\s+(?:of|over)"
    # "have flushed out the Taliban militants from Charkh", "flushed Taliban fighters out of"
    r"|flush(?:ed|ing)?\s+(?:out\s+)?(?:the\s+)?(?:Taliban|insurgents|militants|them|fighters)"
    r"(?:\s+(?:fighters|militants|insurgents))?\s+(?:out\s+of|from)"
    # "returned to the district center on Wednesday after the Taliban fled" (checked for the
    # government's side in ``pipeline.extract``)
    r"|returned\s+to(?=\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:district\s+(?:cent(?:re|er)|headquarters)"
    r"|city|town)\b)"
)
_RETAKE_INTRANS = (
    r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:(?:now|also|completely|fully|entirely)\s+)?"
    # "Dawlat Shah District Has Been Freed: Laghman Governor"
    # (never "The Taliban have been cleared from Alishing": the ones driven out, not the place;
    # but "Dehrawud has been cleared from the Taliban militants" is the place cleared of them)
    r"['‘\"“]?(?:retaken|recaptured|liberated"
    r"|cleared(?!\s+(?:from|out\s+of)\s+(?!(?:the\s+)?(?:taliban|enemy|insurgents|militants"
    r"|terrorists|rebels)\b))|freed"
    # "Marjah was wrested back from the Taliban"
    r"|(?:wrested|won|taken)\s+back)"
    # "was back in government hands before nightfall"
    r"|(?:is|was|are|were)\s+(?:now\s+)?back\s+(?:in|under)\s+(?:the\s+)?"
    r"(?:government|army|Afghan\s+forces)(?:'s|’s)?\s+(?:hands|control)"
    # a participle after the place: "Almar district, retaken by government forces on Thursday,"
    r"|(?:retaken|recaptured)(?=\s+by\s+(?:the\s+)?(?:government|security|afghan|army|commandos"
    r"|troops|special|national|local|public|" + _GOVERNMENT_ACRONYMS + r"))"
)
# "The insurgents were driven out of Ghazni": a retake when the subject is the Taliban side.
_DRIVEN_OUT = (
    r"(?:were|was|have\s+been|has\s+been|had\s+been|got)\s+(?:driven|pushed|forced|expelled|cleared"
    r"|chased)"
    r"\s+(?:back\s+)?(?:out\s+of|from)"
)
# Air power against fighters in or near a place is fighting for it.
_AIRSTRIKE = (
    # "commandos backed by air strikes retook it": the air strikes only help another verb
    r"(?<!by\s)(?<!with\s)air\s*strikes?(?:\s+(?:on|against|in|around|near))?"
    r"|(?<!by\s)(?<!with\s)air\s+raids?(?:\s+(?:on|in))?"
    r"|(?:struck|hit|pounded|bombed|targeted|targeting)\s+(?:taliban|insurgent|militant)\s+"
    r"(?:positions|targets|hideouts|fighters)(?:\s+(?:in|around|near|outside|on))?"
)
# The group as an air strike's target: "air strikes on Taliban positions", "struck insurgent
# hideouts".
GROUP_TARGET = re.compile(
    r"^\s*(?:on|against)\s+(?:the\s+)?(?:taliban|insurgents?|militants?)\b"
    r"|\b(?:taliban|insurgents?|militants?)\s+(?:positions|hideouts|targets|strongholds|bases)\b",
    _F,
)
# "videos showing fighters inside X": the group's own footage is a claim, never a capture.
_FOOTAGE = (
    r"show(?:ing|s|ed|n)?\s+(?:taliban\s+|armed\s+)?(?:fighters|militants|insurgents|the\s+taliban"
    r"|them)"
    r"|show(?:ing|s|ed|n)?\s+(?:the\s+)?(?:group(?:'s|’s)\s+|taliban(?:'s|’s)?\s+|their\s+)?"
    r"(?:white\s+)?flags?"
)
# "handed Kishim district back to government forces": only the recipient says what happened.
_HANDOVER = r"hand(?:ed|ing)(?!\s+over)"
_NONEVENT = (
    r"set(?:s|ting)?\s+(?:their|its|his)\s+sights\s+on|clos(?:e|es|ed|ing)\s+in\s+on"
    r"|pressure\s+on|pressur(?:e|es|ed|ing)|draws?\s+(?:their|its)\s+(?:strength|power|support)\s+from"
    r"|fled|flee(?:s|ing)?|evacuat\w+|target(?:s|ed|ing)|advanc(?:e[sd]?|ing)\s+(?:on|towards?)"
    r"|march(?:ed|es|ing)?\s+(?:on|towards?)|approach(?:ed|es|ing)|encircl\w+|threaten\w*"
    r"|on\s+the\s+move|mov(?:ed|ing)\s+towards?|head(?:ed|ing)\s+(?:to|for|towards?)"
    r"|arriv(?:ed|ing)\s+in|displaced|camped|born\s+in|(?:travel\w*|return\w*)\s+to"
    r"|deploy\w*\s+to|reinforc\w+|airlift\w*|sent\s+to|relative\s+safety\s+of"
    # "as fighting edges closer to Zaranj", "the front has crept closer to the city"
    r"|(?:edg(?:e|es|ed|ing)|cre(?:ep|eps|eping|pt)|inch(?:es|ed|ing)?|draw(?:s|ing|n)?|drew"
    r"|mov(?:e|es|ed|ing)|g[eo]t(?:s|ting)?|c[oa]m(?:e|es|ing))\s+(?:ever\s+|steadily\s+|even\s+"
    r"|much\s+|still\s+)?closer\s+(?:to|towards?)"
)
# Troops leaving the place named in their subject: "the security forces in Barg-e Matal had
# retreated to a nearby base", "Afghan troops in the Dangam district of Kunar withdrew on
# Thursday" (checked in ``pipeline.extract``: the place follows "forces in", and the subject is
# the government's). Never with an object or a "from" of its own ("withdrew their support").
_WITHDRAWAL_INTRANS = (
    r"(?:(?:had|have|has)\s+)?(?:withdrawn|withdrew|retreated|pulled\s+out|pulled\s+back)"
    r"['’\"”]?(?=\s*[,.;]|\s+(?:on|late|early|overnight|last|yesterday|this|that|after|before|to"
    r"|towards?|into|without|at|under|in\s+(?:an?|the)\s+(?:organi[sz]ed|orderly|tactical))\b)"
)
_NONEVENT_INTRANS = (
    r"(?:remains?|remained|is\s+still|was\s+still|are\s+still|stays?|stayed)\s+(?:firmly\s+)?"
    r"(?:under|in)\s+(?:the\s+)?government(?:'s|’s)?\s+(?:control|hands)"
    r"|(?:is|are|was|were)\s+(?:not\s+)?(?:directly\s+)?under\s+threat|(?:is|are)\s+safe"
    r"|(?:still|remains?)\s+(?:held|controlled)\s+by\s+(?:the\s+)?government"
)

_CUE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("nonevent_intrans", _NONEVENT_INTRANS),
    ("retake_intrans", _RETAKE_INTRANS),
    ("driven_out", _DRIVEN_OUT),
    ("retake", _RETAKE),
    ("capture_nominal", _CAPTURE_NOMINAL),
    ("capture_intrans", _CAPTURE_INTRANS),
    ("capture_both", _CAPTURE_BOTH),
    ("contest_intrans", _CONTEST_INTRANS),
    ("withdrawal", _WITHDRAWAL),
    ("withdrawal_intrans", _WITHDRAWAL_INTRANS),
    ("capture", _CAPTURE_VERBS),
    ("contest_location", _CONTEST_LOCATION),
    ("airstrike", _AIRSTRIKE),
    ("footage", _FOOTAGE),
    ("nonevent", _NONEVENT),
    ("contest", _CONTEST),
    ("control", _CONTROL),
    ("handover", _HANDOVER),
)
CUE_TABLE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(r"\b(?:" + pattern + r")\b", _F)) for kind, pattern in _CUE_PATTERNS
)
# All cues in one scan (a single pass is several times faster than one per kind): the
# leftmost match wins, and at one position the kind listed first.
# Compiled lower-case, without IGNORECASE, for lower-cased text: about five times faster.
ALL_CUES = re.compile(
    r"\b(?=[a-z])(?:"
    + "|".join(rf"(?P<{kind}>{pattern.lower()})\b" for kind, pattern in _CUE_PATTERNS)
    + ")"
)

# Kinds whose place follows the cue (object) or precedes it (subject).
OBJECT_KINDS = frozenset(
    {
        "capture",
        "capture_both",
        "driven_out",
        "control",
        "withdrawal",
        "contest_location",
        "capture_nominal",
        "contest",
        "retake",
        "nonevent",
        "airstrike",
        "footage",
        "handover",
    }
)
SUBJECT_KINDS = frozenset(
    {
        "capture_intrans",
        "capture_both",
        "contest_intrans",
        "retake_intrans",
        "nonevent_intrans",
        "withdrawal_intrans",
    }
)
STATUS_OF_KIND: dict[str, str] = {
    "capture": "captured",
    "capture_intrans": "captured",
    "capture_both": "captured",
    "capture_nominal": "captured",
    "contest": "contested",
    "contest_intrans": "contested",
    "retake": "retaken",
    "retake_intrans": "retaken",
    "driven_out": "retaken",
    "control": "captured",
    "withdrawal": "captured",
    "withdrawal_intrans": "captured",
    "contest_location": "contested",
    "airstrike": "contested",
    "footage": "claimed",
    "handover": "captured",  # checked against the recipient in ``pipeline.extract``
}

# "said" as a verb of saying, never the hedge's passive ("is said to have fallen").
_SAID = r"said(?!\s+to\s+(?:have|be)\b)"
# Words between a cue and its place that end the clause: the place belongs elsewhere.
CLAUSE_BREAK = re.compile(
    r";|\(|\)|—|–|\s-\s|\?|\b(?:while|whereas|but|which|who|whom|where|when|after|before|because"
    r"|although|though|(?<!as\s)(?<!such\s)as(?!\s+well)|"
    + _SAID
    + r"|says|say|told|tells|according"
    r"|amid|if|unless|since|until|despite|whose)\b"
    # an appositive's relative clause: "Nerkh, a district that borders Kabul"
    r"|,\s*(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?:district|town|city|capital|crossing|port|hub)"
    r"\s+that\b",
    _F,
)
# "X is now the second provincial city ... that the group has taken": the place is the
# subject of a relative clause the cue ends.
ORDINAL_GAP = re.compile(
    r"^,?\s*(?:(?:is|was|became|becomes|has\s+become)\s+)?(?:now\s+|also\s+|thus\s+)?(?:the\s+)?"
    r"(?:\w+(?:-\w+)?\s+){0,3}(?:provincial\s+)?(?:capital|city|town|centre|center|cities)"
    r"(?:\s+[\w’'-]+){0,8}?\s+(?:to|that|which)\s*(?:\w+\s+){0,3}$",
    _F,
)
# "the third provincial capital to fall in three days, after Sheberghan on Saturday and
# Taloqan on Sunday": the places after "after" fell before it, each on its own day.
FELL_AFTER = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)"
    r"|latest|last)\s+(?:[\w-]+\s+){0,2}(?:capital|city|cities|town|district)s?\s+"
    r"(?:(?:[\w’'-]+\s+){0,4}?to\s+(?:fall|be\s+(?:taken|captured|overrun|seized))\b"
    # "the fourth provincial capital the Taliban have taken, after Zaranj, ..."
    r"|(?:that\s+)?(?:the\s+)?(?:Taliban|insurgents|militants|group)\s+(?:have|has|had)\s+"
    r"(?:taken|captured|seized|overrun))"
    r"[^;.]*?,?\s+(?:coming\s+|following\s+)?after\s+",
    _F,
)
# A retake's "a week after losing it", "two days after it first fell": the fall, counted back;
# without a count only with the fall's own day ("Retaken on Monday after falling on Saturday").
FELL_COUNTED_BEFORE = re.compile(
    r"(?:\b" + APPROXIMATE_COUNT + DAY_COUNT + r"\s+(?P<unit>days?|weeks?)\s+)?"
    r"\bafter\s+(?:losing\s+it|its\s+(?:fall|capture|loss)|(?:first\s+)?falling(?!\s+(?:back|behind|apart|short|silent|ill))|being\s+(?:overrun|captured|seized|taken)"
    r"|it\s+(?:had\s+)?(?:first\s+)?(?:fell|fallen|was\s+(?:overrun|captured"
    r"|seized|taken|lost))|the\s+(?:Taliban|insurgents|militants)\s+(?:had\s+)?(?:first\s+)?"
    r"(?:seized|captured|took|overran)\s+it)\b(?P<own_day>(?=\s+(?:[\w-]+\s+){0,3}?(?:on|in|late|early)\b))?",
    _F,
)
# "The first provincial capital to fall was Zaranj": the place named after the verb.
ORDINAL_BEFORE_FALL = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|last|next)"
    r"\s+(?:[\w-]+\s+){0,2}(?:capital|city|town|district)\s+to\s+$",
    _F,
)
FALL_WAS_GAP = re.compile(r"\s+(?:was|is|became|has\s+been)\s+(?:the\s+city\s+of\s+)?$", _F)
# "Kishim fell on Monday, Almar on Tuesday and Khamyab a day later": the places after the first
# share its verb, each with its own day (a comma or "and" before, a day right after).
GAPPED_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|then\s+)?|and\s+(?:then\s+)?)$", _F)
GAPPED_DAY = re.compile(
    # "and Sheberghan, in Jowzjan, a day later": the place's province set off by commas first
    r"(?P<aside>\s*,\s*in\s+[\w'’-]+(?:\s+[\w'’-]+)?(?:\s+province)?\s*,)?"
    r"\s*(?:district\s+|city\s+)?(?:(?:on|late\s+on|early\s+on|late|early)\s+\w+day\b|(?:a|one|two|three)\s+days?\s+later"
    r"|the\s+(?:next|following)\s+(?:day|morning|evening)|hours\s+later|(?:on\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2})\b",
    _F,
)
# A preposition right before the place puts it beside the action, not under it.
# Fighting "around" or "outside" a city is still fighting for it.
CONTEST_BLOCKING_PREPOSITION = re.compile(
    # ("fighting has since spread to Pashtun Kot district" is fighting there)
    r"\b(?:towards?|from|via|(?<!spread\s)(?<!spreads\s)to|road|highway|border)\s+(?:the\s+)?"
    r"(?:city\s+of\s+)?$",
    _F,
)
# "Kunduz, which fell on Sunday": the relative pronoun stands for the place.
# A parenthetical between a subject and its verb: "Nad Ali district|, which borders the city,
# |fell", "Deh Yak district|, lost to the Taliban on Tuesday, had been |retaken". The place
# is the subject of the verb after it. (The collapsed gap: places inside it are one token.)
PARENTHETICAL_GAP = re.compile(
    r"\s*(?:(?:district|province|city|town|capital|(?:border\s+)?crossing|port)\s*)?"
    # "The Islam Qala crossing on the Iranian border, which handles much of the trade, fell"
    r"(?:\s*(?:on|near|along)\s+the\s+(?:[\w-]+\s+){0,2}?(?:border|frontier|highway|road)"
    r"(?:\s+with\s+[\w-]+)?)?"
    r",\s*(?:which|that|who|where"
    r"|(?:lost|retaken|recaptured|captured|seized|taken|overrun|held|abandoned|home|located"
    r"|situated|close|near|just|some|about)\b"
    # an appositive: "Dand Patan, a small district on the border ... that had been under siege
    # since late June, was overrun"
    r"|(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:district|town|city|capital|crossing)\b)"
    r"(?:[^,;:()]|\([^()]{0,30}\)){0,160},\s*"
    # "..., on Sunday afternoon fell to the Taliban"
    r"(?:(?:on\s+|late\s+|early\s+)?\w+day(?:\s+(?:morning|afternoon|evening|night))?\s+)?"
    r"(?:(?:has|had|have|was|were|is|are)\s+)?(?:been\s+)?"
    r"(?:(?:again|later|then|now|finally|eventually|quickly|also|reportedly)\s+)?$",
    _F,
)
# The comma opening a relative clause that names another place: ", which borders |Uruzgan".
PARENTHETICAL_OPENER = re.compile(
    r",\s*(?:which|that|who|where|whose)\b"
    # an appositive locating its head: "Gizab, a district of Daikundi bordering |Uruzgan, fell"
    r"|,\s*(?:a|an|the)\s+[^,;()]{0,60}?\b(?:bordering|near|next\s+to|adjacent\s+to|close\s+to"
    r"|neighbou?ring)\s+(?:the\s+)?$",
    _F,
)
# "had fallen on Wednesday| but |was retaken": a verb sharing the subject of the one before.
# (a comma too, in a series of verbs: "fell on Sunday|, |was retaken on Monday and fell again")
SHARED_SUBJECT_JOIN = re.compile(r"(?:\b(?:but|and)\s+(?:then\s+|later\s+|quickly\s+)?|,\s*)$", _F)
RELATIVE_GAP = re.compile(
    r"\s*,?\s*(?:which|that)\s+(?:(?:has|had|have|was|were)\s+)?(?:also\s+|already\s+|now\s+)?$",
    _F,
)
BLOCKING_PREPOSITION = re.compile(
    # (districts counted "across" provinces lie in them: "captured six districts across |Takhar")
    r"\b(?:near|outside|towards?|from|via|beyond|around|between|to"
    r"|(?<!districts\s)(?<!centres\s)(?<!centers\s)across|north|south|east|west"
    r"|road|highway|border|except|(?:apart|aside)\s+from|other\s+than)\s+(?:of\s+|with\s+)?(?:the\s+)?"
    r"(?:city\s+of\s+|province\s+of\s+|(?:city|town|capital)(?:'s|’s)\s+)?$",
    _F,
)
# The head of a subject a place only locates: "prices in |Kunduz fell", "Morale in |Ghazni
# collapsed". Checked against PLACE_OR_DEFENDER_HEAD: "Three districts in |Badakhshan fell",
# "Forces in |Kishim surrendered" (a capitalised word inside a sentence is a place's own name).
LOCATED_SUBJECT_HEAD = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?\"“‘'(:]\s)|(?<=[\"“‘'(]))(?P<first>[A-Z][a-z’'-]*)\s+(?:in|inside|at)\s+"
    r"(?:the\s+)?$|\b(?P<head>[a-z][a-z’'-]*)\s+(?:in|inside|at)\s+(?:the\s+)?$"
)
PLACE_OR_DEFENDER_HEAD = frozenset(
    {
        "district", "districts", "centre", "centres", "center", "centers", "headquarters",
        "crossing", "crossings", "station", "stations", "town", "towns", "city", "cities",
        "capital", "capitals", "village", "villages", "area", "areas", "post", "posts",
        "outpost", "outposts", "checkpoint", "checkpoints", "base", "bases", "compound",
        "office", "offices", "prison", "airport", "port", "parts", "part", "positions",
        "bazaar", "market", "seat", "forces", "troops", "soldiers", "police", "policemen",
        "garrison", "garrisons", "defenders", "commandos", "units", "personnel", "army",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "several", "more", "others", "all", "both", "most", "many", "dozens", "each",
    }
)  # fmt: skip
# The subject a place must close for a troops' withdrawal to be its fall: "Afghan troops in |".
FORCES_IN_BEFORE = re.compile(
    r"\b(?:forces|troops|soldiers|police(?:men)?|commandos|garrison|defenders|personnel)\s+"
    r"(?:(?:stationed|based|deployed|posted|remaining)\s+)?(?:in|at|inside)\s+(?:the\s+)?$",
    _F,
)
# What was seized when it is no place: "seized weapons and vehicles in Andar", "targeted captured
# military equipment in Helmand province".
SEIZED_GOODS = re.compile(
    r"\s*(?:(?:a|the|large|huge|dozens\s+of|hundreds\s+of|several|some|their|its|\d+)\s+)*"
    # ("had taken the district’s weapons depot and eight Humvees")
    r"(?:quantit(?:y|ies)\s+of\s+|amounts?\s+of\s+)?(?:[\w.-]+(?:'s|’s)?\s+){0,2}?"
    # people and vehicles taken are no place: "captured 22 Afghan soldiers in Faryab province"
    r"(?:(?:soldiers|troops|policemen|police\s+officers|commandos|officers|prisoners|members|men"
    # "captured a militant commander in North Waziristan", "seized a convoy of fuel tankers"
    r"|commanders?|convoys?|tankers?|shipments?|consignments?|hostages"
    r"|pickups?|trucks?|rangers?|cars|humvee)\b(?!['’])|"
    r"(?:weapons|arms|vehicles|ammunition|equipment|humvees|tanks|supplies|rifles|munitions)\b)",
    _F,
)
# A new predicate between an object cue and a place: "capture of Herat has shaken Kabul".
AUXILIARY = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|could|been|be)\b", _F)
# "Several districts have fallen since Friday, including Imam Sahib": a list after the cue.
LIST_INTRO = re.compile(r"(?:,\s*|\s)(?:including|such\s+as|among\s+them|namely)\s|:\s", _F)
# "If Kunduz falls", "whether Herat had fallen": a condition anywhere before the cue.
CONDITIONAL = re.compile(r"\b(?:if|unless|whether|once|lest)\b|^\s*were\s+[\w-]+\s+to\b", _F)
# An inverted condition opening the sentence makes all of it hypothetical: "Should Sheberghan
# fall, it would be the first capital taken", "Had Kunduz fallen, ...".
INVERTED_CONDITION = re.compile(r"\s*[\"“']?(?:should|had)\s+(?!not\b)[^,;.:]{1,60}(?:,|$)", _F)
# "the city has fallen": the subject stands for a place named elsewhere in the sentence.
_BACK_REFERENCE_SUBJECT = (
    r"(?:\b(?:the|its)\s+[\"“]?(?:[\w’'-]+\s+)?(?:provincial\s+)?(?:city|town|capital|provincial\s+capital"
    # "The districts fell on Tuesday": both told in the sentence before
    r"|districts?|crossing|border\s+crossing|port|cent(?:re|er)"
    # "The area fell late on Wednesday after a two-day siege"
    r"|area)"
    r"(?:\s+(?:cent(?:re|er)|headquarters|compound))?"
    # "The capital of the province of the same name fell"
    r"(?:\s+of\s+the\s+(?:province|district)(?:\s+of\s+the\s+same\s+name)?)?[\"”]?"
    # "By Tuesday evening the headquarters had been overrun" (a district's; never "the police
    # headquarters", a building in a city)
    r"|\b(?:the|its)\s+headquarters"
    r"|\bit)"
)
BACK_REFERENCE_BEFORE = re.compile(
    _BACK_REFERENCE_SUBJECT + r"\s+(?:has\s+|had\s+|have\s+|was\s+|is\s+)?"
    r"(?:now\s+|also\s+|already\s+|briefly\s+|quickly\s+|finally\s+|then\s+)?(?:been\s+)?$",
    _F,
)
# "The town, which lies on the road to Chaman, fell": the subject before an aside.
BACK_REFERENCE_BEFORE_ASIDE = re.compile(_BACK_REFERENCE_SUBJECT + "$", _F)
# "the city's capture", "its fall": a nominal capture of the place named before.
POSSESSIVE_BACK_REFERENCE = re.compile(
    r"\b(?:(?:the|its)\s+(?:provincial\s+)?(?:city|town|capital|district)(?:'s|’s)|its)\s+$", _F
)
# "Officials confirmed the fall of X": a nominal capture reported as today's news.
NEWS_VERB_BEFORE = re.compile(
    r"\b(?:confirm\w*|announc\w*|report\w*|acknowledg\w*|declar\w*|claim\w*)\s+(?:the\s+)?$"
    # a claim being disputed is the day's news: "the propaganda of the enemy about the fall of"
    r"|\b(?:propaganda|false\s+news|fake\s+news|rumou?rs?)\s+(?:of\s+the\s+(?:enemy|taliban"
    r"|terrorists?)\s+)?(?:about|of|regarding|on)\s+(?:the\s+)?$",
    _F,
)
# "since Imam Sahib was captured", "after the Taliban seized Andar": a subordinate clause
# whose fall explains the main clause; only its subject may stand between
PAST_CLAUSE_BEFORE = re.compile(
    r"\b(?:since|after)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}(?:had\s+|was\s+|were\s+|been\s+)*$", _F
)
FIGHTING = re.compile(
    r"\b(?:fight\w*|fought|clash\w*|battl\w*|attack\w*|gunfire|shelling|assault\w*)\b", _F
)
# Fighters gathered near a place: "have massed on the outskirts of", "were camped at the gates of",
# "have taken up positions on the outskirts of".
GATHERED_BEFORE = re.compile(
    r"\b(?:mass(?:ed|ing)|amass(?:ed|ing)|gather(?:ed|ing)|assembl(?:ed|ing)|position(?:ed|ing)"
    r"|t(?:ook|aken?|akes|aking)\s+up"
    r"|deploy(?:ed|ing)|camp(?:ed|ing)|station(?:ed|ing)|build(?:ing)?\s+up|built\s+up"
    r"|concentrat(?:ed|ing)|seen|spotted|dug\s+in)\s+(?:\w+\s+){0,3}?(?:on|at|in|near)\s*$",
    _F,
)
# "the city is encircled, but there has been no fighting inside": fighters near a place are no
# fight for it when the report says none has happened.
NO_FIGHTING = re.compile(
    r"\b(?:no|(?:has|have|had)\s+not\s+been\s+any|without\s+any)\s+(?:fighting|clashes|battle)"
    r"(?:\s+(?:has|have|had)\s+(?:yet\s+)?(?:been\s+reported|taken\s+place))?\b"
    # "have surrounded Tirin Kot but have not yet attacked", "threatened to attack if ..."
    r"|\b(?:have|has|had)\s+(?:so\s+far\s+|yet\s+)?not\s+(?:yet\s+|so\s+far\s+)?(?:attacked"
    r"|entered|stormed|assaulted|moved\s+(?:in|on)|tried\s+to\s+(?:enter|attack|storm|take))\b"
    r"|\bthreaten(?:ed|s|ing)?\s+to\s+(?:attack|storm|enter)\b",
    _F,
)
# Cues that say fighters are around a place, not fighting in it: a denial of any attack
# cancels them ("have surrounded an army base ... but have not attacked it").
SIEGE_CUE = re.compile(r"surround|besieg|encircl|siege", _F)
# "seized parts of Kunduz city": part of a place changing hands is fighting for it.
# A back reference to part of the place right after the cue: "controlled most of the city".
PARTIAL_OBJECT = re.compile(
    r"\s+(?:(?:the|some|several)\s+)?(?:[\w-]+\s+)?(?:parts?|areas?|some|much|most|sections?"
    r"|neighbou?rhoods?|quarters?|edges?)\s+of\s+(?:the|its)\s+(?:provincial\s+)?(?:city|town|capital"
    r"|district)\b",
    _F,
)
# A city's police districts as a capture's object: "(In Lashkar Gah,) the Taliban have captured
# nine of the city's 10 police districts", "seized three police districts".
CITY_PART_OBJECT = re.compile(
    r"\s+(?:(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|several|most|some|all)"
    r"\s+(?:of\s+)?)?(?:the\s+(?:city|town)(?:'s|’s)\s+|its\s+|the\s+)?(?:[\w-]+\s+)?"
    r"police\s+districts?\b",
    _F,
)
# Part of the place as the subject before a state cue: "half of it is in the hands of".
PARTIAL_SUBJECT = re.compile(
    r"\b(?:half|parts?|most|much|some|sections?)\s+of\s+(?:it|the\s+(?:city|town|district))\s+$", _F
)
PARTIAL = re.compile(
    r"\b(?:parts?|areas?|some|much|most|sections?|neighbou?rhoods?|quarters?|edges?"
    r"|police\s+districts?(?:\s+\d+)?"
    # "seized several government buildings in Sheberghan"
    r"|(?:several|a\s+few|two|three|four|five|many)\s+(?:[\w-]+\s+)?buildings)\s+(?:of|in)\b"
    # "most of the rural districts of Badghis": whole districts, each captured
    r"(?!\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+)?districts\b)"
    # "captured the area around the governor's office in Farah city"
    r"|\b(?:areas?|parts?)\s+(?:around|near|surrounding)\b",
    _F,
)
# "Part of Kunduz city fell": the part names the place right after it.
PARTIAL_BEFORE = re.compile(
    r"\b(?:parts?|areas?|sections?|neighbou?rhoods?|quarters?|much|most"
    r"|police\s+districts?(?:\s+\d+)?)\s+(?:of|in)\s+"
    r"(?:the\s+)?$"
    # "the area around the police headquarters in Farah city fell"
    r"|\b(?:areas?|parts?)\s+(?:around|near|surrounding)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:in|of)\s+(?:the\s+)?$",
    _F,
)
# "Most parts of the city are now in the hands of the Taliban": a part of the place a passage is
# about, not all of it.
PARTIAL_OF_BACK_REFERENCE = re.compile(
    r"\b(?:parts?|areas?|some|much|most|half|sections?|neighbou?rhoods?|quarters?|edges?)\s+(?:of|in)"
    r"\s+(?:(?:the|its)\s+(?:provincial\s+)?(?:city|town|capital|district)|it)\b",
    _F,
)
# Who the subject of "were driven out of" is.
TALIBAN_SIDE = re.compile(
    r"\b(?<!anti-)(?:Taliban|insurgents?|militants?|(?<!uprising\s)fighters|rebels?|mujahideen"
    r"|mujahidin|Islamic\s+Emirate)\b",
    _F,
)
# The government's side as the subject right before a verb: "Afghan forces captured", "Northern
# Alliance troops on Friday seized", "opposition fighters had taken" (never "They have captured"
# after a caption that names "Afghan military vehicles").
GOVERNMENT_SUBJECT_BEFORE = re.compile(
    r"\b(?:(?:Afghan|government|security|national|special|opposition|alliance|anti-Taliban"
    r"|Northern\s+Alliance|United\s+Front|pro-government|(?<!Taliban\s)militia)\s+)?"
    r"(?:forces|troops|soldiers|commandos|army|police|(?<=opposition\s)fighters"
    r"|(?<=Alliance\s)fighters|(?<=Front\s)fighters|(?<=anti-Taliban\s)fighters|militias?"
    # "uprising fighters retake districts": the armed public uprising on the government's side
    r"|(?<=uprising\s)fighters"
    r"|" + _GOVERNMENT_ACRONYMS + r")"
    r"\s+(?:(?:have|has|had|also|now|then|later|quickly|reportedly|finally|swiftly)\s+"
    r"|on\s+\w+day\s+|(?:late|early)\s+\w+day\s+)*$",
    _F,
)
# A fall to the side against the group is its retake: "fell to the US-backed Northern Alliance",
# "fell to local anti-Taliban commanders", "fell to the forces of Gul Agha Sherzai".
FELL_TO_THE_OTHER_SIDE = re.compile(
    r"\s+(?:back\s+)?to\s+(?:the\s+)?(?:(?:US|U\.S\.|American|NATO)-backed\s+)?(?:(?:local|tribal)\s+)?"
    r"(?:Northern\s+Alliance|coalition|government|Afghan\s+(?:forces|army|troops|commandos)"
    r"|security\s+forces|commandos|Americans|anti-Taliban|opposition|forces\s+(?:of|loyal\s+to)"
    r"|" + _GOVERNMENT_ACRONYMS + r")\b",
    _F,
)
# The group named as such, not just "fighters": "opposition fighters captured Mazar" are not it.
TALIBAN_NAMED = re.compile(
    r"\b(?<!anti-)(?:Taliban|insurgents?|militants?|mujahideen|mujahidin|Islamic\s+Emirate)\b", _F
)
# A surrender to the government side: "surrendered their weapons to ANDSF".
TO_THE_GOVERNMENT = re.compile(
    r"\bto\s+(?:the\s+)?(?:Afghan\s+|local\s+|national\s+)?(?:government|security|army|commandos?"
    r"|police|troops|soldiers|forces|authorities|" + _GOVERNMENT_ACRONYMS + r")\b",
    _F,
)
THEIR_WEAPONS = re.compile(
    r"\s+(?:all\s+)?(?:their|his|its)\s+(?:weapons|arms|guns|rifles|ammunition)\b", _F
)
# The other side as each side's statements name it: the group in the ministries' copy.
THE_ENEMY = re.compile(r"\b(?:the\s+)?enemy\b", _F)
GOVERNMENT_SIDE = re.compile(
    r"\b(?:government|Afghan|security|army|troops|soldiers|police|(?<!Taliban\s)forces|commandos"
    # the side against the group in its first war: "Northern Alliance", "opposition forces"
    r"|opposition|Northern\s+Alliance|United\s+Front|anti-Taliban|uprising"
    r"|Hezb-i-Wahdat|Hizb-e-Wahdat|Jamiat(?:-e-Islami)?|Junbish(?:-i-Milli)?"
    r"|" + _GOVERNMENT_ACRONYMS + r")\b",
    _F,
)

# Glue words that do not count towards the distance between a cue and its place.
GLUE_WORDS: frozenset[str] = frozenset(
    {
        "the", "of", "and", "or", "in", "a", "an", "its", "their", "province", "provinces",
        "provincial", "capital", "capitals", "city", "cities", "town", "district", "districts",
        "including", "such", "as", "well", "also", "now", "key", "strategic", "northern",
        "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
        "southwestern", "central", "nearby", "neighbouring", "neighboring", "main",
        "centre", "center", "x", ":", ",", "same-named", "eponymous", "capital,", "on",
    }
)  # fmt: skip
MAX_GAP_WORDS = 7

# Context modifiers, searched near the cue.
NEGATION_BEFORE = re.compile(
    r"\b(?:not|never|no\s+longer|yet\s+to|failed\s+to|fail\s+to|without|nor|cannot|can't"
    r"|unable\s+to|halt|stop|cease|suspend|didn't|hasn't|haven't|hadn't|wasn't|weren't|isn't|aren't|won't|no"
    r"|rather\s+than|instead\s+of)\b"
    # "have not yet tried to enter", "did not claim to have taken"
    r"(?:\s+\w+){0,2}(?:\s+to(?:\s+have)?)?\s*$"
    # "Rather than launching a frontal assault on Kandahar": what was not done
    r"|\b(?:rather\s+than|instead\s+of)\s+\w+ing(?:\s+\w+){0,3}\s*$"
    # "no provincial capital has changed hands", "says no district in the province has fallen"
    # (the verb may carry the auxiliary: "no town in Kunar |has been lost|")
    r"|\bno\s+(?:[\w-]+\s+){1,3}(?:(?:in|of)\s+(?:[\w'’-]+\s+){1,3})?"
    r"(?:(?:has|have|had|was|were)(?:\s+yet)?(?:\s+been)?\s*)?$",
    _F,
)
# "None of the three border towns, Islam Qala, Torghundi and Zaranj, has fallen": a subject
# that denies every place it lists, however far its head stands from the verb
NONE_SUBJECT_BEFORE = re.compile(
    r"\b(?:none|neither|not\s+(?:one|a\s+single))\b"
    r"(?:(?!\b(?:said|says|say|told|whether|that|when|after|while|because|though|although|but"
    r"|knew|know|knows|thought|believed|expected|realised|realized|heard|noticed)\b)"
    r"[^.;:!?]){0,120}?"
    r"(?P<aux>\b(?:has|have|had|was|were|is|are)(?:\s+(?:yet|so\s+far|now|been))*)?\s*$",
    _F,
)
# A report of its own after a denial: "denied the claim and said fighting was continuing".
NEW_REPORT = re.compile(
    r"\b(?:and|but)\s+(?:said|says|added|insisted|reported)\b|,\s*saying\b|\band\s+that\b", _F
)
# a live blog's correction: "An earlier entry wrongly said the Taliban had captured X"
CORRECTED_BEFORE = re.compile(
    r"\b(?:wrongly|erroneously|incorrectly|mistakenly|falsely)\s+(?:said|reported|stated|claimed"
    r"|announced|written|wrote|described)\b[^.;]{0,80}$"
    # a wire's own correction: "An earlier version of this dispatch said the Taliban had ..."
    r"|\b(?:earlier|previous|original)\s+version\s+of\s+this\s+(?:story|article|report|dispatch"
    r"|item|post|copy)\b[^.;]{0,80}$",
    _F,
)
# The source takes it back later in the sentence: "initially told Reuters that Shibar had
# fallen, but later said he had been misinformed".
RETRACTED_AFTER = re.compile(
    r"\bbut\s+(?:later|subsequently|then)\s+(?:(?:said|told|admitted|acknowledged|conceded)\b"
    r"[^.;]{0,60}?\b(?:misinformed|mistaken|(?:was|been)\s+wrong|incorrect|not\s+true)"
    r"|(?:retracted|withdrew|corrected)\b)",
    _F,
)
DENIAL = re.compile(
    r"\b(?:den(?:y|ied|ies|ying)|reject(?:ed|s|ing)?|dismiss(?:ed|es|ing)?|refut\w+)\b", _F
)
# the claim a denial or a doubt is about: "denied Taliban claims that", "rejected reports
# that", "It was not clear whether"
DISPUTED_CLAIM_BEFORE = re.compile(
    # "reject a separate Taliban claim on Friday that the insurgents had also taken Qalat"
    r"(?:\b(?:den(?:y|ied|ies|ying)|reject(?:ed|s|ing)?|dismiss(?:ed|es|ing)?|refut\w+)\s+"
    # "dismissed as “propaganda” a Taliban claim"
    r"(?:as\s+[\"“‘']?[\w-]+(?:\s+[\w-]+)?[\"”’']?\s+)?"
    r"(?:a|an|the)\s+(?:(?:[\w-]+\s+){0,2}?claims?|(?:[\w-]+\s+)?(?:taliban(?:'s|’s)?|group(?:'s|’s)"
    # "denied a Taliban statement that": the group's statement, never anyone's
    r"|insurgents(?:'|’)?|militants(?:'|’)?)\s+statements?)\s+(?:on\s+\w+\s+)?that"
    r"|\b(?:den(?:y|ied|ies|ying)|reject(?:ed|s|ing)?|dismiss(?:ed|es|ing)?|refut\w+)\s+"
    r"(?:the\s+)?(?:(?:taliban(?:'s|’s)?\s+|group(?:'s|’s)\s+|insurgents(?:'|’)\s+"
    r"|militants(?:'|’)\s+)?claims?|(?:taliban(?:'s|’s)?\s+|group(?:'s|’s)\s+)"
    # unattributed reports denied are no one's claim ("rejected reports on social media")
    r"(?:reports?|rumou?rs?|assertions?))\s+(?:on\s+social\s+media\s+)?that"
    # "the propaganda of the enemy about the fall of Sheberghan is false", "spreading false news
    # about the fall of Mohammad Agha district"
    r"|\b(?:propaganda|false\s+news|fake\s+news|rumou?rs?)\s+(?:of\s+the\s+(?:enemy|taliban|terrorists?)\s+)?"
    r"(?:about|of|regarding|on)"
    # "rejected the claims of the Taliban about capturing the Bangi district"
    r"|\b(?:den(?:y|ied|ies|ying)|reject(?:ed|s|ing)?|dismiss(?:ed|es|ing)?)\s+(?:the\s+)?claims?\s+"
    r"(?:of|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:taliban|group|insurgents|militants)\s+"
    r"(?:about|regarding|of|that)"
    r"|\b(?:not|un)\s*clear\s+(?:whether|if))\b"
    # a modal makes it a question about the future: "unclear if they can take X"
    r"(?:(?!\b(?:can|could|would|will|might|may|shall|should)\b)[^.;])*$",
    _F,
)
# "Reports on social media that the Taliban had captured Alingar are baseless": the report
# opens the sentence (matched from its start) and its verb calls it false.
REPORT_THAT_BEFORE = re.compile(
    # ("Earlier reports that the Taliban had seized the whole of Sheberghan were wrong")
    r"(?:the\s+)?(?:(?:earlier|previous|initial|first|recent)\s+)?"
    r"(?P<group>(?:taliban|group|insurgents)(?:'s|’s|'|’)?\s+)?"
    r"(?:reports?|rumou?rs?|claims?|news)\b[^.;]{0,60}?\bthat\b",
    _F,
)
CONTRARY_TO_CLAIMS = re.compile(
    r"[^.;]{0,40}\b(?:contrary\s+to|despite)\s+(?:the\s+)?(?:taliban(?:'s|’s)?\s+|group(?:'s|’s)\s+)?"
    r"(?:claims?|reports?|rumou?rs?)\b",
    _F,
)
FUTURE_BEFORE = re.compile(
    # "may have taken" is a guess about the past (a hedge), not a future
    # (never the month: "May 11 - Taliban capture Nerkh district", "on 11 May, fighters took")
    r"\b(?:could|would|might(?!\s+have\b)|(?<!\d\s)may(?!\s+have\b)(?!\s+\d)|will|shall"
    r"|must(?!\s+have\b)|should|can"
    r"|if|unless|whether|lest"
    r"|(?:threaten\w*|poised|positioned|ready|set|about|likely|expected|bid|attempts?|attempting|tries|trying"
    r"|try|tried|attempted|effort|aim\w*|plan\w*|prepar\w*|hope\w*|want\w*|seek\w*|vow\w*|fail\w*|unable"
    # "were able to seize the city" told what was done; "will be able to" has its "will"
    r"|(?<!was\s)(?<!were\s)able"
    # ("were already on their way to retake it")
    r"|going|way|fears?|risk|danger|before|operations?|(?:counter-?)?offensive|counter-?attack|campaign"
    r"|push|mission|orders?|ordered"
    r"|efforts?|moves?|race|struggle|fight|vow|promis\w*|pledg\w*|swore|swear\w*)\s+(?:to|of|that)?)\b"
    # ('would "soon" take', 'would soon "liberate"')
    r"(?:\s+[\"“”']?[\w’'-]+[\"“”']?){0,3}\s*[\"“']?$"
    # "an operation would soon be launched to retake the port"
    r"|\b(?:would|will|could)\s+(?:soon\s+|shortly\s+|now\s+)?be\s+(?:launched|started|mounted)\s+to\s*$"
    # "The attempt of the Kabul administration's forces to take back Kishim"
    r"|\b(?:attempts?|bids?|efforts?)\s+(?:by|of)\s+(?:[\w’'-]+\s+){1,6}?to\s*$"
    # "officials braced for an assault"
    r"|\bbrac(?:e|ed|es|ing)\s+(?:themselves\s+)?for\s+(?:[\w’'-]+\s+){0,3}$"
    # "expected the Taliban to launch an assault on Maimana within days"
    r"|\b(?:expect\w*|fear\w*|warn\w*)\s+(?:that\s+)?(?:the\s+)?(?:taliban|insurgents?|militants?"
    r"|group|enemy|them|fighters)\s+(?:to|would|will|could|might|may)\s+(?:[\w’'-]+\s+){0,3}$"
    # "a clearance operation would be launched soon to retake the city"
    r"|\bsoon\b[\"”’']?(?:\s+to)?\s*[\"“']?$"
    # a promise with its day: "vowed on Friday to push the Taliban out of Herat"
    r"|\b(?:vow\w*|promis\w*|pledg\w*|swore|plan\w*|threaten\w*)\s+(?:on\s+)?(?:[a-z]+day|yesterday"
    r"|today|again|publicly|repeatedly)\s+to(?:\s+[\w’'-]+){0,3}\s*$"
    # "fearing an imminent Taliban assault on the city", "only a matter of time before Taloqan
    # was overrun": not (yet) an event
    r"|\b(?:fearing|feared|imminent|looming|matter\s+of\s+(?:time|days|weeks|hours)\W*\s+before)"
    r"\b(?:\s+[\w’'-]+){0,3}\s*$"
    # "on the verge of capturing Khan Abad", "on the brink of falling"
    r"|\b(?:verge|brink|point)\s+of\s+$"
    # "have set their sights on recapturing Kunduz city": a goal
    r"|\bsights\s+on\s+$"
    # the aim's second verb: "are expected to surround the city and capture Kunduz"
    r"|\b(?:expected|likely|poised|set|plan(?:s|ned|ning)?|threaten\w*|vow\w*|aim\w*|prepar\w*"
    r"|tries|trying|try|tried|attempt\w*|want\w*|hope\w*|seek\w*|going|ready|about|able|unable)"
    r"\s+to\s+[a-z]+(?:\s+[\w’'-]+){0,5}?\s+and\s+$"
    # "The Taliban are planning an offensive on Maimana"
    r"|\b(?:plann\w*|prepar\w*|threaten\w*)\s+(?:an?\s+|their\s+)?(?:[\w-]+\s+)?$"
    # "negotiating over a possible handover of the city"
    r"|\b(?:possible|potential|proposed|planned)\s+$"
    # "would never allow Kandahar to fall", "will not be allowed to capture Mazar"
    r"|\b(?:never|not|won't)\s+(?:be\s+)?(?:allow|permit|let)(?:s|ted|ed)?\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:to\s+)?$"
    # "would launch an operation in the coming days to retake"
    r"|\b(?:in\s+the\s+(?:coming|next|following)\s+(?:days|weeks|hours)|in\s+the\s+days\s+ahead)"
    r"\b(?:\s+[\w’'-]+){0,3}\s*$",
    _F,
)
# What is not (yet) an event, told too far back for the short look-back: a vow naming a list
# ("We will not allow Herat, Kandahar or Kunduz to fall"), a forecast ("is likely to be the first
# provincial capital to fall").
FAR_FUTURE_BEFORE = re.compile(
    r"\b(?:never|not|won't)\s+(?:be\s+)?(?:allow|permit|let)(?:s|ted|ed)?\s+"
    r"(?:[\w’'-]+,?\s+){0,10}?(?:to\s+)?$"
    # "is likely to be the first provincial capital in the north to fall"
    r"|\b(?:likely|expected|set|poised|tipped)\s+to\s+be\s+(?:the\s+)?(?:[\w’'-]+\s+){0,8}?to\s+$"
    # "Kunduz could be the next provincial capital to fall"
    r"|\b(?:could|would|might|(?<!\d\s)may|will)\s+(?:well\s+|soon\s+|yet\s+)?be\s+the\s+"
    r"(?:next|first)\s+(?:[\w’'-]+\s+){0,8}?to\s+$",
    _F,
)
FUTURE_AFTER = re.compile(
    r"^\s*(?:would|could|will|might|may)\b"
    # a threat: "Surrender Yangi Qala or die"
    r"|^[^.;,]{0,40}?\bor\s+(?:die|else|face|be\s+killed)\b",
    _F,
)
# A year in a phrase of time. It is history only when older than the article's own year
# ("in 2001" in a 2021 story, not in a 2001 one), so the caller compares: ``year_of``.
YEAR_PHRASE = re.compile(
    r"\b(?:in|since|during|by|of|from|until|till|between)\s+(?:(?:January|February|March|April|May"
    r"|June|July|August|September|October|November|December)\s+)?"
    r"(?:(?P<year>(?:19|20)\d\d)|the\s+(?P<decade>(?:19|20)\d0)s)\b"
    # a Solar Hijri year: "In 1394 (2015), the Taliban took Kunduz city"
    r"|\b(?:in|since|during)\s+(?P<solar>1[34]\d\d)\b",
    _F,
)
# A year an event happened in (not "since"): "returned in August 1998", "during 2001".
IN_PAST_YEAR = re.compile(
    r"\b(?:in|during)\s+(?:(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+)?(?P<year>(?:19|20)\d\d)\b",
    _F,
)
# A Solar Hijri year starts in March of the Gregorian year this much later (1400: March 2021).
SOLAR_YEAR_OFFSET = 621
HISTORICAL = re.compile(
    r"\b\d+\s+years\s+ago\b"
    r"|\byears?\s+(?:ago|earlier)\b"
    # "almost exactly a year after they briefly captured the city"
    # "In 1997 ... A year later they returned and took the city"
    r"|\b(?:a|one|two|three|four|five|\d+)\s+years?\s+(?:after|later)\b"
    r"|\bthe\s+(?:following|next)\s+year\b|\b(?:previous|last|earlier|(?<!for\sthe\s)first)\s+"
    r"(?:time|rule|regime)\b"
    r"|\bwhen\s+the\s+Taliban\s+(?:ruled|were\s+in\s+power)\b|\blast\s+year\b"
    r"|\bmonths\s+ago\b"
    # a standing state, not news: "has been contested for years", "has long been contested"
    r"|\bfor\s+(?:many\s+|several\s+)?(?:years|decades)\b|\b(?:has|have|had)\s+long\s+been\b"
    # "Kunduz has fallen to the Taliban twice before", "Kunduz has fallen before."
    r"|\b(?:once|twice|three\s+times|several\s+times|many\s+times)\s+before\b"
    # "Musa Qala changed hands several times"
    r"|\bchanged\s+hands\s+(?:(?:several|many|multiple|numerous|two|three|four|a\s+number\s+of)"
    r"\s+times|repeatedly|often|twice)\b"
    # (not "has changed hands twice this week": news of the week)
    r"(?!\s+(?:this|last|since|within|in\s+(?:the\s+(?:past|last)|(?:a|one|two|three|four|five)"
    r"\s+(?:days?|weeks?))|over\s+the\s+(?:past|last))\b)"
    r"|\b(?:fallen|taken|captured|overrun|seized|held)\s+(?:it\s+)?before\s*(?:[.;,]|$)",
    _F,
)
CLAIM_NEAR = re.compile(
    r"\bclaim(?:s|ed|ing)?\b(?:\s+(?:to\s+have|that|they|it|responsibility|the|its|their)\b)?", _F
)
CLAIM_OF_GROUP = re.compile(
    r"\bclaims?\s+(?:of|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:taliban|group|insurgents|militants)"
    r"\s+that\b[^.;]{0,40}$"
    # "Taliban claims that Khamyab district, on the border with Turkmenistan, had also fallen"
    r"|\b(?:taliban|group(?:'s|’s)|insurgents(?:'|’)|militants(?:'|’)"
    # a ministry's "The terrorists' claim that Chimtal district has fallen is completely false"
    r"|terrorists(?:'|’)|enemy(?:'s|’s))\s+claims?\s+that\b[^.;]{0,70}$",
    _F,
)
# The outlets and their kinds that may stand before "reports that" as its subject.
_OUTLET_NOT_BEFORE = "".join(
    rf"(?<!{word}\s)"
    for word in (
        "pajhwok", "tolonews", "tolo", "khaama", "ariana", "reuters", "afp", "ap", "bbc",
        "jazeera", "xinhua", "tass", "anadolu", "dpa", "agency", "website", "newspaper", "daily",
        "channel", "outlet", "press", "times", "post", "journal", "subh",
    )
)  # fmt: skip
# "was unable to independently confirm" (never "has not been able to confirm the government's
# claim" about a retake, nor "... the number of casualties": the object is not read here)
_UNABLE_TO_CONFIRM = (
    r"(?:was|were|is|are|been)\s+unable\s+to\s+(?:independently\s+|immediately\s+)?"
    r"(?:verif\w+|confirm\w*)"
)
_IN_CONTROL = r"be\s+in\s+(?:full\s+)?control"
HEDGE = re.compile(
    r"\b(?:reportedly|unconfirmed|unverified|purportedly|allegedly|apparently|rumou?r\w*"
    r"|could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif\w+|confirm\w*)|"
    + _UNABLE_TO_CONFIRM
    + r"|not\s+(?:be\s+)?(?:been\s+)?(?:independently\s+|immediately\s+)?(?:verif\w+|confirm\w*)"
    r"|neither\s+confirm\w*\s+nor\s+den\w+|(?:declin\w+|refus\w+)\s+to\s+confirm"
    r"|no\s+(?:official\s+|independent\s+|immediate\s+)?(?:confirmation|verification)"
    # "the Taliban appeared to control the Pasaband district"
    r"|appear(?:s|ed)?\s+to\s+(?:have|control|hold|" + _IN_CONTROL + r")"
    # "are said to be in control of the district"
    r"|(?:is|are|were|was)\s+said\s+to\s+(?:have|" + _IN_CONTROL + r")"
    r"|(?:is|are|were|was)\s+reported\s+(?:on\s+social\s+media\s+|online\s+)?to\s+have"
    r"|(?:is|are|were|was)\s+(?:widely\s+)?(?:believed|feared|thought)\s+to\s+"
    r"(?:have|" + _IN_CONTROL + r")"
    r"|(?:may|might|must)\s+have"
    r"|purport\w*|boast\w*"
    r"|(?:it\s+was|it\s+is|it's)\s+(?:not\s+)?(?:yet\s+)?(?:immediately\s+)?(?:clear|unclear)"
    r"|unclear\s+whether|reports?\s+suggest\w*|videos?\s+(?:posted|shared|circulating)"
    # "there are reports that", never a named outlet's "Pajhwok reports that"
    # (the lookahead first: the look-behinds are tried only where "reports" starts)
    r"|(?=reports?\s)" + _OUTLET_NOT_BEFORE + r"reports?\s+that"
    r"|social\s+media\s+(?:posts|videos|footage))\b",
    _F,
)
# A sentence that only casts doubt on the previous one ("There was no official confirmation.").
NEXT_SENTENCE_HEDGE = re.compile(
    r"\b(?:no\s+(?:official\s+|independent\s+|immediate\s+)?(?:confirmation|verification)"
    r"|could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif\w+|confirm\w*)|"
    # "The Associated Press was unable to confirm the reports", unless the sentence goes on to
    # news of its own ("... this claim and has listed the district as contested", ", but a
    # council member said")
    + _UNABLE_TO_CONFIRM
    + r"\s+(?:the|these|those|such)\s+(?:reports?|claims?|accounts?)\b"
    r"(?!\s+and\s+(?:has|have|had|is|are|[a-z]+(?:s|ed))\b)(?!\s*,\s*but\b)"
    r"|(?:not|never)\s+(?:been\s+)?(?:independently\s+)?(?:verified|confirmed)|unverified"
    r"|neither\s+confirm\w*\s+nor\s+den\w+|(?:declin\w+|refus\w+)\s+to\s+confirm"
    r"|(?:den(?:y|ied|ies)|reject\w*|dismiss\w*)\s+(?:the\s+|this\s+|that\s+)?(?:claims?|reports?))\b",
    _F,
)
# "27 insurgents were killed, a figure that could not be verified": the doubt is about a count.
FIGURE_BEFORE = re.compile(
    r"\b(?:figures?|tolls?|numbers?|casualt\w+|death\s+toll|killed|wounded)\b[^.;]{0,30}$", _F
)
# A following sentence that confirms and dates the previous one's capture.
CONFIRMS_EVENT = re.compile(
    r"\bconfirm(?:s|ed)?\s+(?:the|its|their)\s+(?:(?:city|town|district)(?:'s|’s)\s+)?"
    # "confirmed the withdrawal": the defenders leaving gave the place up
    r"(?:surrender|capture|fall|handover|takeover|seizure|withdrawal|retreat|pull-?out)\b"
    # "confirmed that the insurgents had taken control of the Afghan side of the crossing"
    r"|\bconfirm(?:s|ed)?\s+that\s+(?:the\s+)?(?:[\w-]+\s+){1,3}?(?:had|have|has)\s+"
    r"(?:(?:taken|seized|captured|overrun)\b|(?:withdrawn|retreated|pulled\s+out)\s+from\b)",
    _F,
)
# "The last time ... was in 1998, when they took Mazar-i-Sharif": a past year's "when" clause.
PAST_YEAR_WHEN = re.compile(
    r"\b(?:in|since|during|of)\s+(?:the\s+)?(?:(?:early|mid-?|late)\s+)?(?P<year>(?:19|20)\d\d)s?"
    r"\s*,?\s*when\b"
    # "mirrors the Taliban's 2015 push in the north, when it briefly seized Kunduz city"
    r"|\b(?P<year_before>(?:19|20)\d\d)(?:\s+(?:[a-z][\w-]*\s+){0,6}?[\w-]+)?\s*,\s*when\b"
    # "has seen heavy fighting since last year, when insurgents overran several checkpoints"
    r"|\b(?:last|previous)\s+year\s*,?\s*when\b",
    _F,
)
# "handed the district over to the Taliban": the recipient is the group.
TO_THE_GROUP = re.compile(r"\bto\s+(?:the\s+)?(?:Taliban|insurgents|militants|mujahideen)\b", _F)
# "denied that government forces had entered the district"
DENIED_THAT = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?)\s+(?:reports?\s+|claims?\s+)?"
    r"(?:that\b[^.;]*"
    # "denied the district had fallen": the clause without its "that"
    r"|(?:the\s+[\w-]+|it|they)(?:\s+(?:had|has|have|was|were)(?:\s+been)?)?\s*"
    # "The Taliban denied losing it": the verb itself
    r"|)$",
    _F,
)
# The group's own word for its fighters: a statement using it is the Taliban's.
MUJAHIDEEN = re.compile(r"\bmujahid(?:een|in)\b", _F)
GROUP_SELF_NAME = re.compile(r"\bmujahid(?:een|in)\b|\bIslamic\s+Emirate\b", _F)
# "under their control", "in their hands": a hold whose owner only the text before names.
THEIR_HOLD = re.compile(r"\btheir\s+(?:full\s+|complete\s+|total\s+)?(?:control|hands)\b")
# Either side named, to say whose "their control" is (read on the lowered text).
SIDE_NAMED = re.compile(
    r"\b(?:(?P<group>taliban|insurgents?|militants?|mujahid(?:een|in)|islamic\s+emirate|group)"
    r"|government|commandos?|troops|soldiers|army|police|security\s+forces|afghan\s+forces"
    r"|andsf|ansdf|militias?)\b"
)
BY_THE_MUJAHIDEEN = re.compile(
    r"\s+(?:\w+\s+){0,2}?by\s+(?:the\s+)?(?:heroic\s+)?mujahid(?:een|in)\b", _F
)
# Another speaker's verb between a cue and a place: the place is that verb's.
CLAIM_VERB_IN_GAP = re.compile(
    r",\s*(?:the\s+)?(?:taliban|insurgents|militants|group)\s+(?:claims?|claimed|say|says)\b", _F
)
# Cues of movement into a place, which civilians make too: "moving into", "streaming into".
MOVEMENT_CUE = re.compile(r"(?:mov|stream|pour|flood|flock|head|walk|swarm|enter)", _F)
# A bombing or a strike is no fight for a place: "A car bomb and gun attack on ...".
BOMBING_BEFORE = re.compile(
    r"\b(?:(?:car|truck|roadside|suicide|magnetic|sticky)\s+bomb\w*|bomb(?:ing)?|suicide|IED"
    # "gunmen attacked their camp": a killing, never the Taliban's fight for the place
    r"|grenade|rocket|mortar|drone|(?<!taliban\s)gunm[ae]n)\b(?:\s+[\w-]+){0,3}\s+$",
    _F,
)
# An attack someone claims: "claimed responsibility for the attack in Kabul".
RESPONSIBILITY_BEFORE = re.compile(
    # ("for Tuesday's attack")
    r"\bresponsibility\s+for\s+(?:the\s+|an?\s+|this\s+|that\s+)?(?:[\w’'-]+\s+){0,2}$",
    _F,
)
# An attack on a person: "attack on the home of the acting defence minister".
_PERSONAL_PLACE = r"(?:home|house|residence|convoy|car|vehicle|office|guest\s*house)"
PERSONAL_TARGET_AFTER = re.compile(
    # (the cue may hold the "on" already: "attack on|")
    r"(?:\s+on)?\s+(?:"
    # "the Kabul residence of", "the heavily guarded home of"
    r"(?:the\s+)?(?:[\w’'-]+\s+){0,2}?" + _PERSONAL_PLACE + r"\s+of\b"
    # "attack on Afghan defence minister’s home in Kabul"
    r"|(?:the\s+)?(?:[\w’'-]+\s+){0,3}?[\w-]+(?:’s|'s)\s+" + _PERSONAL_PLACE + r"\b"
    # "attacks on civilians"
    r"|(?:civilians|(?:government\s+)?officials|journalists|activists|aid\s+workers)\b)",
    _F,
)
# The defenders clearing an edge: "Commandos cleared the outskirts of Qala-e Naw".
CLEARED_BEFORE = re.compile(r"\b(?:cleared|clearing|clear|secured|securing)\s+$", _F)
# A lead that says what happened to the places listed after its colon: "Districts that fell to
# the Taliban on Saturday:", "Districts retaken by the security forces:".
LIST_LEAD_CUE = re.compile(
    r"\b(?:districts?|towns?|cities|capitals?|places|cent(?:re|er)s)\b[^:]{0,80}\b(?:fell|fallen|captured|taken"
    r"|seized|overrun|retaken|recaptured|lost|surrendered|fighting|clashes|attacked)\b",
    _F,
)
# Only places after it, each maybe with its province in brackets or "in Takhar", joined by commas,
# "and" or semicolons: "PLACE (PLACE), PLACE and PLACE in PLACE; and PLACE in PLACE."
_LIST_ITEM = (
    # a place the gazetteer knows, or a capitalised name it does not ("Khwaja Bahauddin")
    r"(?:PLACE|[A-Z][\w'’-]*(?:[\s-]+[A-Z][\w'’-]*){0,3})"
    r"(?:\s+(?:district|districts|city|town))?(?:\s*\(PLACE\)|\s+in\s+PLACE)?"
)
PLACE_LIST_ITEMS = re.compile(
    r"\s*" + _LIST_ITEM + r"(?:\s*(?:,|;|\band\b|,\s*and\b|;\s*and\b)\s*" + _LIST_ITEM + r")*"
    r"\s*[.;]?\s*",
)  # case-sensitive: "PLACE" and the capitals of names the gazetteer does not know
# Who moves into a place without fighting for it: "with families moving into Kandahar city",
# "aid convoys entered the city".
CIVILIANS_BEFORE = re.compile(
    r"\b(?:families|residents|civilians|people|villagers|refugees|displaced(?:\s+\w+)?|IDPs|thousands"
    r"|hundreds|convoys)\s+(?:(?:are|were|have\s+been|had\s+been|have|had|who\s+\w+)\s+)?(?:\w+\s+)?"
    r"(?:to\s+)?$",  # "families tried to enter the city"
    _F,
)
# The group's own statements: "Statement of the Islamic Emirate regarding ...", "Report of the
# victories of the mujahideen", signed "Spokesman of the Islamic Emirate".
GROUP_STATEMENT = re.compile(
    r"\b(?:statement|declaration|announcement|report)\s+of\s+the\s+(?:Islamic\s+Emirate"
    r"|victories\s+of\s+the\s+mujahid(?:een|in))\b"
    # "Statement by Qari Yousuf Ahmadi, spokesman of the Islamic Emirate:"
    r"|\bstatement\s+by\s+(?:[\w’'.-]+\s+){1,4}?[\w’'.-]+,\s+(?:a\s+|the\s+)?spokes(?:man|person)"
    r"\s+(?:of|for)\s+the\s+Islamic\s+Emirate\b",
    _F,
)
GROUP_SIGNATURE = re.compile(
    r"\b[Ss]pokes(?:man|person)\s+of\s+the\s+Islamic\s+Emirate(?:\s+of\s+Afghanistan)?\s*$|"
    r"^\s*Islamic\s+Emirate\s+of\s+Afghanistan\s*$",
    re.MULTILINE,
)
# Districts counted, not named: "Of Badakhshan's 28 districts", "six of seven districts",
# "every district of Zabul", "abandoned 10 districts of the province".
_TALLY_COUNT = (
    r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|most"
    r"|all|a\s+dozen|dozens\s+of)"
)
DISTRICT_TALLY = re.compile(
    # "9 of Badakhshan's 28 districts", "11 of the province's 13 districts"
    r"\b(?:" + _TALLY_COUNT + r"(?:\s+more)?(?:\s+of\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w-]+(?:'s|’s)\s+)?"
    # (a city's "police districts" are parts of it, not districts of a province)
    r"(?:" + _TALLY_COUNT + r"\s+)?)?\s+(?:(?!police\b)[\w-]+\s+)?districts|every\s+district)\b",
    _F,
)
# The rest of a tally: "controls 9 of Ghazni's 19 districts, while 6 are contested", "and another
# five are contested", "; the remaining three are contested" (Long War Journal's count).
TALLY_CONTESTED = re.compile(
    r"(?:\b(?:(?:another|the\s+(?:other|remaining))\s+)?"
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|some)"
    r"(?:\s+(?:others?|more))?(?:\s+(?:[\w-]+\s+)?districts?)?"
    r"|\bthe\s+rest(?:\s+of\s+them)?"
    r")\s+(?:are|were|is|remain|remained)\s+(?:still\s+|now\s+)?contested\b",
    _F,
)
# What happened to the counted districts: taken or lost outright, or held by a side ("hold").
DISTRICT_LOSS = re.compile(
    # (not "holding out in several districts": resisting there, not holding them)
    r"\b(?:(?P<hold>control(?:s|led)?|hold(?:s|ing)?(?!\s+out\b)|held|ha(?:ve|s|d)\s+taken\s+over)"
    r"|lost|los(?:es|ing)|abandon(?:ed|s|ing)?|evacuated|vacated|f[ae]ll(?:en)?|surrendered"
    r"|handed\s+over|overr(?:an|un)|captured|seized|taken|took"
    r"|under\s+(?:the\s+)?(?:Taliban|insurgent|militant)s?(?:'|’s|'s)?\s+control"
    r"|in\s+(?:the\s+)?(?:Taliban|insurgent|militant)s?(?:'|’s|'s)?\s+hands)\b",
    _F,
)
# "captured two more provincial capitals": places named in the next sentence.
COUNTED_OBJECT = re.compile(
    r"\s*(?P<count>another|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"(?:\s+more)?(?:\s+(?:more|additional|other|key|major))?\s+(?:\w+\s+){0,2}"
    r"(?:provincial\s+capitals?|cities|city|capitals?)\b"
    r"|\s*another\s+(?P<count2>one|two|three|four|five|six|\d)?\s*(?:\w+\s+){0,2}"
    r"(?:provincial\s+capitals?|cities|city|capitals?)\b",
    _F,
)
# "took control of at least 10 districts": a count of districts, whose list may follow.
COUNTED_DISTRICTS = re.compile(
    r"\s*(?:at\s+least\s+|more\s+than\s+|nearly\s+|some\s+|about\s+)?(?P<count>one|two|three"
    r"|four|five|six|seven|eight|nine|ten|\d{1,3})(?:\s+more)?\s+(?:[\w-]+\s+){0,2}?districts\b",
    _F,
)
# The count as the subject of a fall: "Six more districts in the north ... have collapsed".
COUNTED_DISTRICTS_BEFORE = re.compile(
    r"\b(?P<count>two|three|four|five|six|seven|eight|nine|ten|\d{1,3})(?:\s+more)?\s+"
    r"(?:[\w-]+\s+){0,2}?districts\b[^.;]{0,80}$",
    _F,
)
# A sentence listing some of the places counted before it: "They include Khwahan and Shighnan".
INCLUSION_LEAD = re.compile(
    r"\s*[\"“‘']?(?:(?:they|these|those|the\s+districts)\s+(?:include|included|are|were)"
    r"|among\s+them(?:\s+(?:are|were))?)\b",
    _F,
)
COUNT_WORDS: dict[str, int] = {
    "another": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
# An object that stands for a place named earlier ("captured the city", "the governor's office").
BACK_REFERENCE = re.compile(
    r"\s*(?:(?:was|were|is|are|has|have|had|continued|continuing|raging|erupted|broke\s+out"
    r"|broken\s+out|reached|spread|spreading|now|already)\s+){0,3}"
    # "were fighting the insurgents in the area"
    r"(?:(?:the\s+)?(?:insurgents|militants|taliban|fighters|enemy"
    # "were still battling government troops in the district", "battled militiamen loyal to
    # Ismail Khan in the city's western suburbs"
    r"|(?:government|afghan|security)\s+(?:troops|forces|soldiers)"
    r"|(?:with\s+)?(?:pro-government\s+)?(?:militiamen|militias?|uprising\s+forces)"
    r"(?:\s+loyal\s+to(?:\s+[\w’'-]+){1,3}?)?)\s+(?=in\s))?"
    # "handed their weapons and the district headquarters over"
    r"(?:(?:their|its|the)\s+(?:weapons|arms|posts|positions|checkpoints|bases)\s+and\s+)?"
    r"(?:in\s+|inside\s+|into\s+|on\s+|from\s+|near\s+)?"
    # "fighting in the northern part of the city"
    r"(?:(?:the\s+|its\s+)?(?:[\w-]+\s+)?(?:parts?|areas?|sections?|neighbou?rhoods?)\s+of\s+"
    r"|(?:most|much|half|all)\s+of\s+)?"
    r"(?:the\s+|its\s+|their\s+)?(?:(?:provincial|province’s|province's|eponymous|main|"
    r"capital|whole|entire|border|strategic|key|(?:north|south|east|west)(?:-?(?:east|west))?ern"
    r"|(?:second-|third-)?(?:largest|biggest))\s+)*(?:city|town|capital|capital\s+city|provincial\s+capital"
    # ("the district governor's compound", a building, before "the district governor", a man)
    r"|(?:district\s+)?governor(?:'s|’s)\s+(?:office|compound|house|headquarters)"
    r"|district(?:\s+cent(?:re|er))?|governor(?:'s|’s)?\s+(?:office|compound|house|headquarters)"
    r"|police\s+headquarters|police\s+district(?:\s+\d+)?|(?:provincial\s+|district\s+)?headquarters"
    r"|bazaar"
    r"|government\s+buildings"
    r"|(?:border\s+)?crossing|border\s+posts?|(?:border\s+|dry\s+)?port|area|it)\b"
    # "captured the district governor": a person the place names, not the place
    r"(?!\s+(?:(?:deputy\s+)?governor|chief|police\s+chief|commanders?|officials?|council"
    r"|elders?|spokes\w+|mayor)\b)",
    _F,
)
# Buildings inside a city whose seizure is part of it changing hands, not all of it: "seized
# the police headquarters and the intelligence office", "captured the city's TV station".
_FACILITY = (
    r"(?:police\s+(?:headquarters|hq|station|compound|districts?(?:\s+\d+)?(?:\s+building)?)"
    # "the headquarters of its third police district"
    r"|headquarters\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,2}police\s+districts?"
    r"|(?:intelligence|nds)\s+"
    r"(?:office|headquarters|directorate|compound)|prison|jail|(?:television|tv|radio)\s+station"
    r"|radio-television\s+(?:building|station)|(?:television|tv|radio)\s+building"
    r"|broadcasting\s+(?:building|station|cent(?:re|er)|house|offices?)"
    r"|airport|checkpo(?:st|int)s?|(?:main\s+|central\s+)?bazaar"
    # "the Helmand radio and TV station", "the offices of the state broadcaster"
    r"|(?:radio\s+and\s+(?:tv|television)|(?:tv|television)\s+and\s+radio)\s+(?:station|building)"
    r"|offices?\s+of\s+the\s+(?:state\s+|national\s+)?broadcaster"
    r"|(?:state\s+)?broadcaster(?:'s|’s)?\s+(?:offices?|building|compound|station))"
)
FACILITY_OBJECT = re.compile(
    r"\s*(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:(?:city|town|capital)(?:'s|’s)|"
    + _FACILITY
    + ")",
    _F,
)
# What comes between a building taken and the place it stands in: "the police headquarters|
# in |Pul-e-Khumri", "the prison| and the police station in the northern city of |Kunduz".
# A place joined by "and" ("the airport and the city of Herat") is taken itself.
BUILDING_LOCATED_IN = re.compile(
    r"(?:\s*(?:,|and)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+)?(?:"
    + _FACILITY
    + r"|governor(?:'s|’s)\s+(?:office|compound|house|headquarters|residence)))*"
    r"\s+(?:in|inside|at|of|within)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}(?:city|town|capital"
    r"|district|province)\s+of\s+)?",
    _F,
)
# The whole stretch from a capture verb to the place, when it names only buildings there.
BUILDINGS_IN_PLACE = re.compile(
    r"\s*(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:"
    + _FACILITY
    + r"|governor(?:'s|’s)\s+(?:office|compound|house|headquarters|residence))"
    + BUILDING_LOCATED_IN.pattern,
    _F,
)
# Between a verb and its object, or a subject and its verb: "seized the |Kunduz|'s prison",
# "Kunduz's prison| has been |overrun".
ARTICLE_ONLY = re.compile(r"\s*(?:the\s+)?", _F)
AUXILIARIES_ONLY = re.compile(r"\s*(?:(?:was|were|is|are|has|have|had|been|being)\s+)*", _F)
# Outlying posts and parts: taking them is fighting for the place, whatever else is said
# ("overran four security checkpoints in Kaldar district", "captured the district's Salar area").
OUTLYING_PART = re.compile(
    r"\s*(?:an?\s+(?:army|military)\s+base"
    r"|(?:the\s+|its\s+|their\s+)?(?:(?:district|city|town|capital|province)(?:'s|’s)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:check[\s-]?po(?:st|int)s|outposts?|security\s+posts?|posts"
    r"|(?:army\s+)?bases|villages?|areas?|neighbou?rhoods?|suburbs?"
    # "seized a hilltop overlooking Ghazni city"
    r"|hill(?:top)?s?|heights|ridges?|high\s+ground))\b",
    _F,
)
# The men of outlying posts as the subject: "soldiers at four outposts surrendered", "police
# manning two checkpoints in the district gave up" (their posts, not the place).
POST_GARRISON_BEFORE = re.compile(
    r"\b(?:soldiers|troops|police(?:men)?|forces|guards|defenders|commandos|militiamen)\s+"
    r"(?:at|in|manning|from|of|guarding)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:check[\s-]?po(?:st|int)s?|outposts?|posts?|(?:army\s+)?bases?)"
    r"(?:\s+(?:in|around|near|outside)(?:\s+the)?(?:\s+[\w’'-]+){1,5}?)?"
    r"\s+(?:(?:had|have|has)\s+)?$",
    _F,
)
# Where outlying posts stand, told from the place: "checkpoints around the Shah Joi district
# centre in", "outposts near" (never past a clause's end: "near Kunduz and took the city of").
AROUND_THE_PLACE = re.compile(
    r"\s+(?:around|near|outside|surrounding|overlooking|above|close\s+to"
    r"|on\s+the\s+(?:edges?|outskirts)\s+of)\s+"
    r"(?:(?!(?:and|but|or|to|from|before|after)\b)[\w’'-]+\s+){0,6}?",
    _F,
)
# "took over Qala-i-Naw's police headquarters": a building named through the place's name.
# "Kunduz's prison"; a headline's "seize Helmand radio and TV station" (never "the district
# centre and the Andkhoy bazaar": a place's bazaar or checkpoints go with the place)
BUILDING_AFTER = re.compile(
    r"(?:'s|’s)\s+(?:[\w-]+\s+)?" + _FACILITY + r"|\s+(?!bazaar|checkpo|main|central)" + _FACILITY,
    _F,
)
# The seat of government taken with them makes it the place's fall ("the governor's office
# and the police headquarters").
GOVERNMENT_SEAT = re.compile(
    r"\bgovernor(?:'s|’s)\s+(?:office|compound|house|headquarters|residence)"
    r"|\bdistrict\s+(?:cent(?:re|er)|headquarters)",
    _F,
)
# The seat of government as the object of a capture verb: "seizing the governor's compound".
SEAT_OBJECT = re.compile(r"\s*(?:the\s+|its\s+|their\s+)?(?:" + GOVERNMENT_SEAT.pattern + ")", _F)
# Where the list of things taken ends: "captured the TV station and are now near the
# governor's office" did not take the office.
OBJECT_END = re.compile(
    r"[,;]|\b(?:and|but)\s+(?:are|is|were|was|have|has|had|now|then)\b"
    r"|\b(?:from|near|towards?|after|before|while|as)\b",
    _F,
)
_ARMY_UNIT = r"corps|brigade|battalion|kandak"
# "Farah's provincial council", "Baghlan MP": the place names who speaks, not what fell.
ROLE_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:provincial\s+|district\s+)?(?:council\w*|MPs?|lawmakers?|legislators?|governor\w*"
    r"|police(?!\s+(?:headquarters|districts?))|officials?|spokes\w+|chief|residents?|elders?|university|airport"
    r"|native|refugees?|families|people|representatives?|deputy|commanders?|health"
    r"|hospital|mayor|tribal|civil"
    # an army unit named after a place: "the 215th Maiwand Corps said"
    r"|" + _ARMY_UNIT + r")\b",
    _F,
)
ROLE_BEFORE = re.compile(
    r"\b(?:officials?|sources?|residents?|locals?|lawmakers?|legislators?|MPs?|members?|council\w*"
    r"|governor|police|elders?|people|witnesses?|journalists?|reporters?|correspondents?|chief"
    r"|spokes\w+|families|representing|represents?|officers?|commanders?|doctors?|activists?"
    r"|shopkeepers?|traders?|teachers?|(?<!no\s)government|administration|authorities)"
    r"\s+(?:in|from|of|for)\s+(?:the\s+)?"
    r"(?:[\w’'-]+\s+){0,2}(?:province\s+of\s+)?$"
    # an army unit's base: "a spokesman for the 205th Atal Corps in Kandahar said"
    r"|\b(?:spokes\w+|commanders?|officials?|officers?|sources?)\s+(?:for|of|in|with)\s+(?:the\s+)?"
    r"(?:[\w’'-]+\s+){0,3}(?:" + _ARMY_UNIT + r"|division|regiment)\s+"
    r"(?:based\s+)?(?:in|at)\s+$"
    # where the words were spoken: "a spokesman said in Kabul", "Speaking in Kabul, the minister"
    r"|\b(?:said|says|told\s+(?:[\w’'-]+\s+){1,2}|speaking|spoke|added)\s+in\s+$",
    _F,
)
PHOTO_CREDIT = re.compile(
    r"(?:/\s*(?:AP|AFP|Reuters|Getty(?:\s+Images)?|EPA|Xinhua|AA|Anadolu|Shutterstock)\s*\)?\s*$)"
    r"|\((?:[^()]*?/)?\s*(?:AP|AFP|Reuters|Getty\s+Images|EPA|Xinhua|File|Photo)\s*(?:Photo)?\)\s*$",
)
MANNER: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("handover", re.compile(r"\b(?:handed\s+over|handover|hand\s+over|negotiat\w+|deal)\b", _F)),
    ("surrender", re.compile(r"\b(?:surrender\w*|without\s+a\s+fight|laid\s+down)\b", _F)),
    ("fighting", re.compile(r"\b(?:fight\w*|fought|clash\w*|battl\w+|gunfire)\b", _F)),
)

# Who says it. Verbs of saying, and the speakers' classes (first match wins).
SPEECH_VERB = re.compile(
    # ("are saying", "quotes him as saying"; never the participle after a denial's comma)
    r"\b(?:" + _SAID + r"|says|say|saying(?:(?<=are\ssaying)|(?<=is\ssaying)|(?<=were\ssaying)"
    r"|(?<=was\ssaying)|(?<=as\ssaying)|(?<=are\salso\ssaying)|(?<=is\salso\ssaying)"
    r"|(?<=are\snow\ssaying)|(?<=is\snow\ssaying))|told|tells|confirmed(?:\s+to)?|confirms|added|reported"
    r"|tweeted|wrote"
    r"|posted|announced|stated|claimed|insisted|according\s+to"
    r"|(?<!\ba\s)(?<!the\s)(?<!its\s)(?<!their\s)(?<!Taliban\s)claims?)\b",
    _F,
)
# A statement's source as a label opening its line: "Islamic Emirate: The mujahideen conquered
# ...", "Zabihullah Mujahid: ...".
LINE_LABEL = re.compile(r"[ \t]*(?P<label>[A-Z][^:\n\"“”]{2,60}):[ \t]")
SPEAKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "taliban",
        re.compile(
            r"\b(?:(?:Taliban|the\s+group|Islamic\s+Emirate)(?:’s|'s)?(?:\s+(?:spokes\w+|officials?"
            r"|commanders?|fighters|leaders?\w*|sources?|statement|media|account))?"
            r"|insurgents?|militants?|Mujahid"
            r"|Yo?u?suf\s+Ahmadi|Suhail\s+Shaheen|Voice\s+of\s+Jihad|rebels?|jihadists?"
            r"|the\s+movement|mujahideen)\b",
            _F,
        ),
    ),
    (
        "lawmaker",
        re.compile(r"\b(?:lawmakers?|legislators?|MPs?|parliament\w*|senators?)\b", _F),
    ),
    (
        "locals",
        re.compile(
            r"\b(?:local\s+(?:sources?|people|residents?|elders?)|residents?|locals\b|witness\w*|elders?|villagers?|shopkeepers?"
            r"|people\s+in|a\s+man|a\s+woman|tribal)\b",
            _F,
        ),
    ),
    (
        "reporter",
        re.compile(
            r"\b(?:correspondents?|reporters?|journalists?|reporting\s+from|TOLOnews|Tolo"
            r"|Pajhwok|Ariana|Khaama|Shamshad|news\s+agency|(?:local|Afghan|state|news)\s+media"
            r"|media\s+reports?|reports\s+from)\b",
            _F,
        ),
    ),
    (
        "officials",
        re.compile(
            r"\b(?:officials?|governor\w*|government|ministry|minister|spokes\w+|police|army"
            r"|military|commanders?|chief|sources?|authorities|council\w*|deputy|head\s+of"
            r"|district\s+\w+|security|forces|NDS|president\w*|Ghani|Ministry|office|UN|United"
            r"\s+Nations|UNAMA|NATO|Pentagon|embassy|diplomats?|envoy|analysts?)\b",
            _F,
        ),
    ),
)

# the object between ("handed the district over to", "handed their weapons and the district
# headquarters over to") only before "over" or "back"
_HANDED_OBJECT = (
    # "troops in Dangam ... handing the district to the Taliban", "handed it to the group"
    r"(?:(?:the\s+)?(?:district|city|town|province|crossing|headquarters|cent(?:re|er))"
    r"(?:\s+(?:cent(?:re|er)|headquarters))?\s+|it\s+"
    r"|(?:the|its|their)\s+[^,.;:\"“”]{0,60}?\s(?=(?:back|over)\s))?"
)
# Who receives a handover or a surrender, read right after the cue or the place.
RECIPIENT = re.compile(
    r"\s*" + _HANDED_OBJECT + r"(?:(?:back|over)\s+)*to\s+(?:the\s+)?"
    # ("handed over to the group": the Taliban, never "to a group of elders")
    r"(?P<who>Taliban|insurgents?|militants?|rebels?|mujahideen|group(?!\s+of\b)"
    r"|(?:Afghan\s+|local\s+|national\s+)?(?:government|security|army|commandos?|special|police"
    r"|troops|soldiers|forces|authorities|officials|" + _GOVERNMENT_ACRONYMS + r"))\b",
    _F,
)
# "handing the insurgents the district centre", "handed the Taliban control of the town": the
# recipient before what was handed.
RECIPIENT_FIRST = re.compile(
    r"\s+(?:the\s+)?(?P<who>Taliban|insurgents|militants|mujahideen"
    r"|(?:Afghan\s+)?(?:government|security\s+forces|army|commandos|troops))"
    r"\s+(?:the\s+|full\s+control\s+(?:of|over)\s+|control\s+(?:of|over)\s+)",
    _F,
)
SURRENDER_WORD = re.compile(r"surrender", _F)
# A day phrase that dates the report, not the event: "officials on Friday confirmed that".
SPEECH_AFTER_DATE = re.compile(
    r"\s+(?:confirmed|said|announced|told|reported|acknowledged|admitted)\b", _F
)
SPEECH_BEFORE_DATE = re.compile(
    r"\b(?:confirmed|said|announced|told|reported|acknowledged|admitted)\b(?:\s+[\w.]+){0,3}\s*$",
    _F,
)
# The defenders leaving a place named before: "security forces left both district centres".
LEFT_BEHIND = re.compile(
    r"\b(?:left|abandoned|vacated|withdrew\s+from|pulled\s+out\s+of|retreated\s+from"
    r"|handed\s+over|surrendered)\s+(?:both|the|all|two|three|its|their)\s+"
    r"(?:[\w-]+\s+)?(?:district|districts|centres|centers|city|town|base|headquarters|compound)\b"
    # "Our forces left last night without firing a shot"
    r"|\b(?:forces|troops|soldiers|police|we)\s+(?:had\s+|have\s+)?(?:left|withdrew|pulled\s+out"
    r"|retreated)\b(?!\s+(?:for|to|towards?|the)\b)"
    # "The pullout, which the spokesman described as a tactical move, was completed late on
    # Thursday"
    r"|\bthe\s+(?:withdrawal|pull-?out|retreat|evacuation|handover|hand-over)\b"
    r"(?=[^.;]{0,80}?\b(?:was|were|had\s+been)\s+(?:completed|finished|carried\s+out)\b)",
    _F,
)
# An attack on a place named before was fought off: "said the attack had been repelled".
ATTACK_REPELLED = re.compile(
    r"\b(?:the|an|their|its)\s+(?:[\w-]+\s+)?(?:attacks?|assaults?|offensive|attackers"
    r"|insurgents|militants)\s+(?:has|had|have|was|were)"
    r"\s+(?:been\s+)?(?:repelled|repulsed|beaten\s+back|pushed\s+back)\b"
    # "security forces had repulsed the attack"
    r"|\b(?:repelled|repulsed|beat\s+back|fought\s+off)\s+(?:the|an|their|a)\s+(?:[\w-]+\s+)?"
    r"(?:attacks?|assaults?|offensive)\b",
    _F,
)
# A list item: "- Andkhoy (Faryab)", "• Rustaq", "2. Khamyab".
LIST_ITEM = re.compile(r"\s*(?:[-•*–—·▪]|\d{1,2}[.)])\s+")
# Where people went is no place that changed hands: "safe passage to Asadabad", "retreated to
# Pul-e Alam", "withdrew from Khinjan to Pul-e Khumri".
DESTINATION_BEFORE = re.compile(
    r"\b(?:passage|retreat\w*|withdr[ae]w\w*|withdrawn|fled|flee\w*|fell\s+back|escaped|relocat\w*"
    r"|evacuat\w*|transferr?\w*|moved|moving|headed|heading|redeploy\w*|made\s+(?:their|its)\s+way"
    r"|leav(?:e|es|ing)|left|drove|flew|flown)"
    r"\s+(?:[\w’'-]+\s+){0,4}?(?:back\s+)?(?:to|towards?|for)\s+(?:the\s+)?(?:nearby\s+"
    r"|neighbou?ring\s+)?(?:(?:provincial\s+)?(?:capital|city|town|centre|center|district)\s+(?:of\s+)?)?$"
    # "detained ... on their way to Kabul"
    r"|\b(?:on|along)\s+(?:their|its|his|her|the)\s+way\s+to\s+$"
    # where people came from: "reinforcements had arrived from Mazar-i-Sharif"
    r"|\b(?:arriv(?:ed|ing|es)|flown\s+in|flew\s+in|sent\s+in|brought\s+in|dispatched|redeployed)"
    r"\s+(?:[\w’'-]+\s+){0,3}?from\s+(?:the\s+)?$"
    # "sent reinforcements from Jalalabad to take it back"
    r"|\breinforcements?\s+(?:[\w’'-]+\s+){0,3}?from\s+(?:the\s+)?$",
    _F,
)
# Places joined to a destination go there too: "fled to Kunduz and Kabul".
COORDINATION_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)", _F)
# A place right after a destination that only locates it: "Asadabad city in Kunar".
LOCATING_GAP = re.compile(
    r"\s*(?:city|town|district)?\s*(?:,|in|of)\s*(?:the\s+)?(?:[\w-]+\s+)?(?:province\s+of\s+)?$",
    _F,
)
# A past year closing the sentence after the cue's clause: "was the last provincial capital to
# fall, briefly, in 2016" is background however many commas come between.
# "in 2015 and 2016", "in 2015, 2016 and again in 2018": a list of years, dated by its last.
_YEAR_LIST = (
    r"(?:(?:19|20)\d\d\s*(?:,\s*(?:and\s+)?|and\s+)(?:again\s+in\s+)?)*(?P<year>(?:19|20)\d\d)"
)
HISTORICAL_TAIL = re.compile(
    r"(?:\s*,\s*[\w’'-]+(?:\s+[\w’'-]+){0,2})*\s*,?\s*(?:back\s+)?(?:in|since|during)\s+"
    # "twice overran Kunduz city, in 2015 and 2016"
    + _YEAR_LIST
    + r"\s*[.!\"”’']{0,3}\s*$",
    _F,
)
# The same years set off by commas inside the sentence: "twice overran Kunduz city, in 2015 and
# 2016, before being driven out".
PAST_YEAR_ASIDE = re.compile(
    r"\s*,\s*(?:back\s+)?(?:in|during)\s+" + _YEAR_LIST + r"\s*,",
    _F,
)
# A report called false: "reports of fighting near the city are rumours", "claims that the
# Taliban had attacked Ghazni were baseless". The report before the cue, the verdict after it.
REPORTS_OF_BEFORE = re.compile(
    r"\b(?:reports?|rumou?rs?|claims?|news)\s+(?:of|about|that)\s+(?:[\w'’-]+\s+){0,4}$", _F
)
# The same for a fall or a retake, only through "of" or "about" ("The reports of its fall are
# not true"): a claim ("the terrorists' claim that Chimtal has fallen is false") is the group's.
REPORTS_OF_EVENT_BEFORE = re.compile(
    r"\b(?:reports?|rumou?rs?|news)\s+(?:of|about)\s+(?:[\w'’-]+\s+){0,4}$", _F
)
CALLED_FALSE_AFTER = re.compile(
    r"[^.;:!?]{0,60}?\b(?:are|were|is|was)\s+(?:just\s+|only\s+|mere\s+|all\s+|simply\s+"
    r"|completely\s+|totally\s+|entirely\s+)?"
    r"[\"“'‘]?(?:rumou?rs?|false|untrue|baseless|unfounded|propaganda|lies|fake|not\s+true"
    r"|incorrect|wrong)\b",
    _F,
)
# A past year fronted before the sentence's first comma sets the whole clause in the past:
# "In 2001, Kunduz was the last Taliban stronghold in the north to fall", "Twenty years ago, ...".
# "When the Taliban last seized power, in 1996, they swept into Kabul ...", "The last time the
# Taliban took the north, in 1998, ...": a fronted clause of a past year sets the sentence there.
FRONTED_LAST_TIME = re.compile(
    r"[\"“‘']?(?:when\b[^.;,]{0,60}?\blast\b|the\s+last\s+time\b)[^.;]{0,80}?"
    r"\b(?:in|during)\s+(?P<year>(?:19|20)\d\d)s?\s*,",
    _F,
)
# A timeline's line label: a day ("July 8", "22 June") or a year, then a colon or a dash.
_LABEL_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_LABEL_DAY = rf"(?:{_LABEL_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_LABEL_MONTH})"
_LABEL_OPEN, _LABEL_CLOSE = r"[-•*–—\s]*", r"\s*(?::|-|–|—)\s"
# "1996: The Taliban seize Kabul", "- Sept. 27, 1996 - ..."
YEAR_LABEL = re.compile(
    rf"{_LABEL_OPEN}(?:{_LABEL_DAY},?\s+)?(?P<year>(?:19|20)\d\d){_LABEL_CLOSE}", _F
)
# "July 8: ...", "- 22 June 2021 - ..."
DATE_LABEL = re.compile(rf"{_LABEL_OPEN}{_LABEL_DAY}(?:,?\s+(?:19|20)\d\d)?{_LABEL_CLOSE}", _F)
# A line that is only a day, heading the section below it: "Monday, May 24", "Tuesday 6 July",
# "**July 8, 2021**" (a live page's or a week-in-review's day).
DATE_HEADING = re.compile(
    r"^[ \t]*[#*_]*[ \t]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+)?"
    rf"{_LABEL_DAY}(?:,?[ \t]+(?:19|20)\d\d)?[ \t]*[*_]*[ \t]*:?[ \t]*$",
    _F | re.MULTILINE,
)
FRONTED_PAST = re.compile(
    # after a label: "Flashback: In August 2018, ...", "KABUL: In 2001, ..."
    r"(?:[\w’'-]+(?:\s+[\w’'-]+){0,2}\s*:\s+)?"
    r"[\"“‘']?(?:(?:but|and|yet|back)\s+)?(?:(?:in|during|by|until|since)\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+)?(?:the\s+)?(?:(?:1[34]\d\d\s*\(\s*)?(?P<year>(?:1[89]|20)\d\d)s?(?:\s*\))?"
    r"|(?P<solar>1[34]\d\d))"
    r"|(?:[\w-]+\s+)?(?:years?|decades?)\s+ago(?:\s+(?:today|this\s+week|this\s+month))?)"
    r"\s*,",
    _F,
)
# Someone on the government side still holds part of the place: it has not fallen.
STILL_HOLDS = re.compile(
    r"\bthe\s+rest\s+of\s+the\s+(?:city|town)\b"
    # "captured the police headquarters in Lashkar Gah but had not taken the city"
    r"|\b(?:ha(?:ve|s|d)|did)\s*n[o'’]t\s+(?:yet\s+)?(?:taken|captured|seized|overrun|take"
    r"|capture|seize)\s+the\s+(?:city|town)\b(?!\s+of\b)"
    r"|\bthe\s+(?:city|town)\s+(?:itself\s+)?ha[sd]\s*n[o'’]t\s+(?:yet\s+)?fallen\b"
    r"|\bleaving\s+only\s+the\s+(?:governor|police|army|airport|compound|city\s+cent)",
    _F,
)
# After buildings were taken, others are still held: "but security forces are still in control
# of the NDS compound", "the governor's compound remains in government hands". Only read when
# what was taken is buildings: "captured Kandahar, but the airport is still held" is a fall.
_HELD_BUILDING = (
    r"(?:the\s+|its\s+)?(?:[\w-]+\s+)?(?:"
    + _FACILITY
    + r"|governor(?:'s|’s)\s+(?:office|compound|house|headquarters|residence)|compound"
    r"|city\s+cent(?:re|er)|(?:army\s+)?base|dam|airfield"
    # "but security forces still held the district centre"
    r"|(?<=district\s)cent(?:re|er))"
)
# After buildings were taken, the fight for the place goes on or the fighters were thrown out:
# "and were fighting in the city's western neighbourhoods", "but were later expelled from the
# city", "for several hours before security forces pushed them out".
# "fighting continues", "clashes were still raging"
FIGHTING_GOES_ON_FRAGMENT = (
    r"\b(?:fighting|clashes)\s+(?:continu\w+|(?:are|is|were|was)\s+(?:still\s+)?(?:ongoing"
    r"|continuing|under\s*way|raging|going\s+on))"
)
FIGHT_FOR_PLACE_GOES_ON = re.compile(
    r"\b(?:were|are|was|is)\s+(?:still\s+)?(?:fighting|battling|clashing)\b"
    r"|"
    + FIGHTING_GOES_ON_FRAGMENT
    + r"|\b(?:were|was)\s+(?:later\s+|soon\s+|quickly\s+)?(?:expelled|pushed\s+out|driven\s+out"
    r"|forced\s+out|pushed\s+back|repelled|repulsed)"
    r"|\bfor\s+(?:several|a\s+few|two|three|some)\s+hours\b"
    # "as government forces struggled to hold on to the city", "as battle for Lashkar Gah rages"
    r"|\bstruggl\w+\s+to\s+(?:hold\s+(?:on\s+to|onto)|keep|defend)\b"
    r"|\b(?:battle|fight|fighting)\s+for\s+(?:[\w’'-]+\s+){1,3}?(?:rages?|raging|continues?)\b"
    # "before being pushed back", "before being repelled"
    r"|\bbefore\s+(?:being\s+(?:(?:pushed|driven|forced|beaten)\s+(?:out|back)|repelled|repulsed"
    r"|expelled)|(?:the\s+)?(?:security|government"
    r"|afghan)?\s*(?:forces|troops|commandos|soldiers|police)\s+(?:pushed|drove|forced)\s+them)",
    _F,
)
# The subject of a "still in government hands" that is a building, not the place: "adding that
# the nearby army base was still in government hands" denies nothing about the city.
BUILDING_SUBJECT_BEFORE = re.compile(
    _HELD_BUILDING
    # "but said the airport itself remained in government hands"
    + r"(?:\s+(?:itself|themselves|alone))?"
    + r"(?:\s+(?:outside|near|in|at|of|on\s+the\s+edge\s+of)\s+(?:the\s+)?[\w’'-]+)?"
    # "pulled back to the nearby dam, which remains under government control"
    r"(?:\s*,\s*(?:which|that))?"
    r"\s+(?:(?:is|are|was|were|remains?|remained|has|have|had|been)\s+)*$",
    _F,
)
# The side a building is still held by, named after "in the hands of" or "held by".
_DEFENDERS = (
    r"(?:government|(?:afghan\s+)?security\s+forces|army|(?:afghan\s+|government\s+)?"
    r"(?:forces|troops)|police)"
)
BUILDINGS_STILL_HELD = re.compile(
    r"\b(?:still|remain\w*)\s+(?:firmly\s+)?(?:in\s+control\s+of|control\w*|h[oe]ld\w*)\s+"
    + _HELD_BUILDING
    + r"|"
    + _HELD_BUILDING
    + r"\s+(?:(?:is|are|was|were|remains?|remained)\s+)+(?:still\s+)?"
    r"(?:(?:in|under)\s+(?:the\s+)?(?:(?:government|security\s+forces|army|their)(?:'s|’s|'|’)?"
    r"\s+(?:control|hands)"
    # "remain in the hands of the security forces"
    r"|(?:hands|control)\s+of\s+(?:the\s+)?" + _DEFENDERS + r")"
    # "the governor's office is still held by the security forces"
    r"|(?:held|controlled|defended)\s+by\s+(?:the\s+)?" + _DEFENDERS + r")"
    # a building still besieged is still held: "the governor's compound was 'under siege'"
    r"|" + _HELD_BUILDING + r"\s+(?:(?:is|are|was|were|remains?|remained)\s+)+(?:still\s+|now\s+)?"
    r"[\"“'‘]?(?:under\s+siege|besieged|surrounded|encircled|under\s+(?:attack|threat))\b"
    # "leaving the governor's compound as the last government-held building in the city"
    r"|\b(?:the\s+)?(?:last|only)\s+(?:remaining\s+)?(?:government|army|security[\s-]forces?)"
    r"[\s-](?:held|controlled)\s+(?:building|compound|position|post|base|pocket|enclave)s?\b",
    _F,
)
# A building as the object that points back to a place named before: "residents of Helmand
# said the Taliban had taken the police headquarters".
BUILDING_OBJECT = re.compile(
    r"\s*(?:the\s+|its\s+|their\s+)?(?:(?:city|town|capital|provincial|main|central)(?:'s|’s)?\s+)?"
    r"(?:" + _FACILITY + r"|governor(?:'s|’s)\s+(?:office|compound|house|headquarters|residence))",
    _F,
)
# "nine of Lashkar Gah's ten police districts": part of the place, right after its name.
PARTIAL_AFTER = re.compile(
    r"(?:'s|’s)\s+(?:[\w-]+\s+){0,2}(?:police\s+districts?|neighbou?rhoods?|suburbs|outskirts"
    r"|parts|quarters|areas|sections"
    r"|(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"\s+(?:police\s+)?district)\b",
    _F,
)
# "Nerkh district, just 40 km (25 miles) west of |Kabul": the place only locates another.
LOCATOR_BEFORE = re.compile(
    # "about 40 kilometers (25 miles) from Kabul"
    r"\b\d+\s*(?:km|kilometres|kilometers|miles)\b(?:\s*\([^()]{1,30}\))?\s+(?:away\s+)?from\s+$"
    # "bringing the Taliban to within 40 kilometres of Kabul"
    r"|\bwithin\s+(?:about\s+|some\s+|just\s+)?(?:\d+|a\s+few|a\s+couple\s+of)\s*"
    r"(?:km|kilometres|kilometers|miles)\b(?:\s*\([^()]{1,30}\))?\s+of\s+(?:the\s+)?$"
    r"|(?:\b\d+\s*(?:km|kilometres|kilometers|miles)\b(?:\s*\([^()]{1,30}\))?\s+"
    r"|\b(?:just|some|about|a\s+few\s+(?:km|kilometres|kilometers|miles))\s+|,\s*"
    r"|\b(?:province|city|district|town)\s+)"
    r"(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:ern)?\s+of\s+(?:the\s+)?"
    r"(?:(?:city|town|provincial\s+capital)\s+of\s+)?$",
    _F,
)
# A place that only says where an unnamed one lies: "captured a district just outside Kabul",
# "recapture district south of Kabul", "two villages near Herat" (a base or an outpost near a
# city is fought for with it).
UNNAMED_LOCATED_BEFORE = re.compile(
    r"\b(?:(?:an?|the|one|two|three|four|five|several|\d+)\s+(?:[\w-]+\s+){0,2})?"
    r"(?:districts?|towns?|villages?)\s+(?:just\s+|some\s+|about\s+"
    r"|right\s+|\d+\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:outside|near|around|(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:ern)?"
    r"\s+of)\s+(?:the\s+)?(?:(?:city|town|provincial\s+capital)\s+of\s+)?$"
    # "seize district on Kabul's doorstep"
    r"|\b(?:districts?|towns?|villages?)\s+on\s+$"
    # "Panjwai, a district on the western edge of Kandahar city"
    r"|\b(?:districts?|towns?|villages?)\s+on\s+(?:the\s+)?(?:[\w-]+\s+)?(?:edges?|outskirts)\s+of\s+$",
    _F,
)
# "families who fled the fighting in Kandahar": the fighting is why people left, no report
# ("displaced by fighting in X" still reports it, as older tables have it).
FLED_BEFORE = re.compile(
    r"\b(?:fled|flee(?:s|ing)?|escap(?:ed|ing))\s+(?:from\s+)?(?:the\s+)?"
    r"(?:heavy\s+|recent\s+|intense\s+|fierce\s+|renewed\s+)?$",
    _F,
)
# ... "district on Kabul's doorstep": the place only locates the unnamed district.
# A wire dateline names where the story was filed: "KABUL, Afghanistan (AP) —", "KABUL/LASHKAR
# GAH, May 5 (Reuters) -", "ASADABAD (Pajhwok):".
DATELINE = re.compile(
    r"\s*[A-Z][A-Z’'.-]+(?:[ /][A-Z][A-Z’'.-]+)*(?:,\s+[A-Z][a-z]+)?"
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?(?:,?\s+\d{4})?"
    r"\s*(?:\([A-Za-z][\w .]*\))?\s*(?:[-—–]+|:)\s"
)
# The agencies' own form, in title case with the agency after it: "Kabul (AFP) - ", "Kunduz (dpa) -"
TITLE_DATELINE = re.compile(
    r"\s*[A-Z][a-z’'.-]+(?:[ -][A-Z][a-z’'.-]+){0,2}\s*\([A-Za-z][\w .]*\)\s*(?:[-—–]+|:)\s"
)
DOORSTEP_AFTER = re.compile(r"(?:'s|’s)\s+(?:door\s*step|doorstep)\b", _F)
# A place naming a road ("the Kandahar-Herat highway") is not where anything happened.
ROUTE_AFTER = re.compile(r"(?:-[A-Z][\w’'-]*)*\s+(?:highway|road|motorway|route|corridor)\b")
# The speaker on the other side contradicts a capture: "officials insisted the area was still
# under their control", "a claim denied by the governor".
CONTRADICTION = re.compile(
    # ("dismissed it as a remote border town" plays a fall down, it does not deny it)
    # ("insisted it was a temporary setback" concedes the loss)
    # ("insisted that forces would launch an operation to recapture it" vows, it does not deny)
    r"\b(?:insist\w*(?![^.;,]{0,40}\b(?:setback|temporary|tactical|would|will)\b)|den(?:y|ied|ies|ying)|dismiss\w*(?!\s+(?:it|them|its\s+\w+|the\s+\w+)\s+as\b)"
    r"|reject\w*|refut\w*|disput\w*)\b"
    r"|\b(?:still|remain\w*)\s+(?:firmly\s+)?(?:under|in)\s+(?:the\s+)?(?:government(?:'s|’s)?"
    r"|their|its|our|army|security\s+forces(?:'|’)?)\s+(?:control|hands)"
    r"|\b(?:forces|troops|army)\s+(?:still|continued?\s+to)\s+(?:held|hold|holds|control\w*)"
    r"\s+(?:the\s+(?:city|town|district|area)|it)\b"
    # "said the report was false", "called the claims baseless"
    r"|\b(?:reports?|claims?|news|rumou?rs?)\s+(?:was|were|is|are|as)\s+(?:(?:completely|totally"
    r"|entirely)\s+)?(?:false|untrue|baseless|unfounded|incorrect|wrong|fake|not\s+true)\b"
    # the denial in an appositive: "..., a claim the governor's spokesman said was 'completely
    # baseless'", "a claim that the police chief called false"
    r"|\b(?:reports?|claims?|rumou?rs?)\s+(?:that\s+)?(?:[\w’'-]+\s+){1,6}?(?:said|says"
    r"|called|calls|described|describes|termed)\s+(?:(?:was|were|is|are|as|it|them)\s+)?"
    r"[\"“'‘]?(?:(?:completely|totally|entirely)\s+)?(?:false|untrue|baseless|unfounded"
    r"|incorrect|wrong|fake|not\s+true)\b",
    _F,
)
# Where the subject of a cue starts: after the last conjunction before it.
SUBJECT_BREAK = re.compile(
    r"\b(?:after|before|when|while|as|and|but|because|since|until|though|although)\b", _F
)
# A fight for the place is under way: "launched an operation to recapture X", "are trying to".
UNDER_WAY_BEFORE = re.compile(
    r"(?:\b(?:launch\w*|began|begun|beginning|start\w*|mount\w*|intensif\w*|stepped\s+up"
    # "repelled a government attempt to recapture Dand wa Patan": the attempt was made
    r"|repel\w*|repuls\w*|foil\w*|thwart\w*|defeat\w*"
    # "made a failed attempt to take Paryan", "in an abortive bid to seize the town"
    r"|made\s+(?:an?|another|several|repeated|fresh|new)|failed|unsuccessful|abortive|botched"
    r"|under\s*way|underway)\b(?:\s+[\w’'-]+){0,4}?\s+(?:operations?|offensives?"
    r"|counter-?offensives?|counter-?attacks?|push|bid|attempts?|efforts?|campaign|assault|drive)"
    r"|\b(?:are|is|were|was|have\s+been|has\s+been|had\s+been)\s+(?:still\s+|now\s+)?"
    r"(?:fighting|battling|struggling|trying|attempting|pushing)"
    # a headline's bare present: "Afghan forces battle to retake Spin Boldak"
    r"|\b(?:battle|fight|struggle|push|move)s?"
    # a headline's "Operation Launched to Retake Spin Boldak"
    r"|\b(?:operations?|offensive|counter-?offensive|counter-?attacks?|assault)\s+(?:(?:was|were"
    r"|has\s+been|have\s+been|had\s+been"
    # "a clearance operation had begun to retake it"
    r"|has|have|had)\s+)?"
    r"(?:launched|begun|started|under\s*way)"
    # an attempt made: "tried to take back the crossing on Sunday but were pushed back",
    # "have failed to retake the Spin Boldak border crossing despite an operation"
    r"|\b(?:tried|attempted|failed)(?:\s+(?:unsuccessfully|in\s+vain|again|repeatedly|twice))?)"
    # "on Saturday", "have been trying since Friday to retake", "at dawn on Sunday"
    r"(?:\s+(?:at\s+(?:dawn|daybreak|first\s+light)|before\s+dawn|in\s+the\s+early\s+hours(?:\s+of)?"
    r"|this\s+(?:morning|afternoon|evening)|last\s+night))?"
    r"(?:\s+(?:(?:late|early)\s+)?(?:on\s+|since\s+)?(?:\w+day|yesterday|today|overnight)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    # "launched a counteroffensive the same day to retake Shir Khan Bandar"
    r"|\s+(?:the\s+same|that\s+same|that|the\s+next|the\s+following)\s+(?:day|night|morning"
    r"|afternoon|evening)|\s+(?:a\s+day|hours)\s+later)?"
    r"\s+(?:to|aimed\s+at)\s+$",
    _F,
)
# The main clause around a counted "after" clause is about a place told before: "Its capture
# came a day after the group took Aybak", "The city fell two days after ...".
MAIN_CLAUSE_BACK_REFERENCE = re.compile(
    r"\b(?:its|it|the\s+(?:provincial\s+)?(?:city|town|district|capital)(?:['’]s)?)\b", _F
)
# People of a place, not the place: "40 soldiers in Takhar province had joined the Islamic Emirate".
PEOPLE_OF_BEFORE = re.compile(
    r"\b(?:soldiers|troops|police(?:men)?|fighters|men|officers|personnel|commanders?|members"
    r"|militia(?:men)?|people|residents|elders|forces|guards|prisoners|inmates|detainees"
    r"|hostages)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:in|of|from|at)\s+(?:the\s+)?$",
    _F,
)
# The same fight told in the passive: "the operation to retake Andkhoy was launched on Monday",
# "An operation to recapture X began on Monday".
# "The attempt of the Kabul administration's forces to take back Kishim district was defeated".
OPERATION_TO_BEFORE = re.compile(
    r"\b(?:operations?|offensives?|counter-?offensives?|counter-?attacks?|push|bid|drive|campaign"
    r"|assault|attempts?|efforts?)(?:\s+(?:by|of)(?:\s+[\w’'-]+){1,6}?)?\s+(?:to|aimed\s+at)\s+$",
    _F,
)
LAUNCHED_AFTER = re.compile(
    r"[^.;:]{0,60}?\b(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?"
    r"(?:launched|begun|started|mounted|defeated|repulsed|repelled|foiled|thwarted)|began"
    r"|(?:has|have|had)\s+begun|started|failed|got\s+under\s*way"
    # "the army's counteroffensive to retake the town, launched on Friday,"
    r"|(?<=,\s)launched\s+(?:on|last|early|late|this|at|in|overnight|yesterday)"
    r"|(?:is|was|are|were)\s+(?:now\s+|still\s+)?(?:under\s*way|underway)"
    # "the counteroffensive to retake Lashkar Gah entered its third day"
    r"|(?:entered|enters|entering|(?:is|was)\s+in)\s+(?:its|a)\s+[\w-]+\s+(?:day|week))\b",
    _F,
)
MODAL_BEFORE = re.compile(
    # (and "were ready to launch an operation to retake": not launched yet)
    r"\b(?:could|would|might|may|will|shall|plan\w*|vow\w*|prepar\w*|ready|about|set|going)\b",
    _F,
)
# "the Taliban had been pushed back from the city's eastern edge": repelled, not retaken.
EDGE_AFTER = re.compile(
    r"\s*(?:back\s+)?(?:(?:from|out\s+of)\s+)?(?:the\s+)?(?:[\w’'-]+(?:'s|’s)\s+)?"
    r"(?:(?:north|south|east|west)\w*\s+|outer\s+|main\s+)?(?:outskirts|edges?|gates|suburbs?"
    r"|perimeter|approaches)\b",
    _F,
)
# Fighting goes on after a claim: "but the ministry said fighting was continuing".
CONTINUING = re.compile(
    # "fighting there was continuing": "there" is the place told before
    r"\bfighting\s+(?:there\s+)?(?:was|is|were|has\s+been)\s+(?:still\s+)?(?:continuing|ongoing"
    r"|going\s+on|under\s*way|raging)|\b(?:were|are|was|is)\s+(?:still\s+)?fighting\s+back"
    r"|\b(?:were|are|was|is)\s+still\s+fighting"
    # "said government forces were fighting to hold the district centre", "were fighting the
    # militants around the district headquarters"
    r"|\b(?:were|are|was|is)\s+(?:now\s+)?fighting\s+(?:to\s+(?:hold|defend|keep|clear|push)\b"
    r"|(?:the\s+)?(?:militants|insurgents|taliban|enemy|attackers)\s+(?:around|in|inside|near|at)\b)"
    # headline grammar too: "officials say fighting goes on", "battles continue"
    r"|\b(?:fighting|clashes|battles?|gunfights?)\s+(?:there\s+)?"
    r"(?:continu\w+|go(?:es)?\s+on|went\s+on|rag(?:es?|ed)\s+on)"
    r"|\b(?:fighting|clashes|battles?|gunfights?)\s+(?:there\s+)?(?:are|is|were|was)\s+"
    r"(?:still\s+)?(?:ongoing|continuing|going\s+on|under\s*way|raging)",
    _F,
)
# The speaker is showing the group's own footage.
FOOTAGE_NOUN = re.compile(
    r"\b(?:videos?|footage|photos?|photographs?|images|pictures|clips?)\b", _F
)
# "Qala-e Naw held on despite days of Taliban attacks": the fighting is for the place named.
DESPITE_BEFORE = re.compile(r"\bdespite\s+(?:[\w’'-]+\s+){0,4}$", _F)
# Who a handover or surrender goes to, when it names anyone: "to tribal elders".
# A place's appositive before the rest of its clause: " Air Field, its main base in the country,"
APPOSITIVE = re.compile(r"[^,;.]{0,30},[^,;.]{1,60},")
ANY_RECIPIENT = re.compile(
    r"\s*"
    + _HANDED_OBJECT
    + r"(?:(?:back|over)\s+)*to\s+(?:the\s+)?(?:local\s+|tribal\s+)?[\w’'-]+",
    _F,
)
# "capture of Spin Boldak ... would cut off": a fall that is only imagined.
MODAL_AFTER = re.compile(r"[^,.;]{0,40}?\b(?:would|could|will|might|may)\b", _F)
# "in June" without a day, before the article's month: background, not news.
MONTH_ONLY = re.compile(
    r"\b(?:in|last)\s+(?:early\s+|late\s+|mid-?)?(?P<month>January|February|March|April|May|June|July"
    r"|August|September|October|November|December)\b(?!\s+\d)"
)
# A recent month names no day: "captured Imam Sahib last month" is reported, undated.
LAST_MONTH = re.compile(r"\blast\s+month\b", _F)
# What follows "after" when a withdrawal let the place fall: "after government forces withdrew",
# "after the Afghan forces' tactical retreat".
WITHDRAWAL_CAUSE = re.compile(
    r"\s*(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:withdr[ae]w\w*|retreat\w*|pull(?:ed)?\s+out"
    r"|pullout|left|abandon\w*|fled|surrender\w*)\b",
    _F,
)
# A capture cue that states control: its "since June 21" is when control began.
# (never "has taken control of X since June 21": a taking somewhere in the span, no state)
CONTROL_STATE = re.compile(
    r"(?<!taken\s)(?<!took\s)(?<!seized\s)(?<!gained\s)\b(?:control|hands|held|controlled)\b", _F
)
# A state rather than an event: "is now in the hands of the Taliban", "clashes are ongoing".
# Its start is dated by an "after" clause: "... after government forces withdrew on Sunday".
STATE = re.compile(
    r"\b(?:is|are|remains?)\s+(?:now\s+|still\s+)?(?:(?:fully\s+|firmly\s+)?in\s+the\s+hands"
    r"\s+of|under\s+(?:the\s+)?(?:(?:group|taliban|insurgents?|militants?)(?:'s|’s|'|’)?\s+)?"
    r"(?:full\s+|complete\s+|total\s+)?(?:taliban|control)|ongoing|under\s*way|continuing"
    r"|raging)\b|\bnow\s+(?:controls?|holds?)\b"
    # "have captured Panjwai after security forces made a tactical retreat late Saturday"
    r"|\b(?:have|has)\s+(?:now\s+)?(?:captured|seized|taken|overrun)\b",
    _F,
)
STATE_ORIGIN = re.compile(r"\b(?:after|following)\b", _F)
# Any year an article names: "in 2015", "November 2001", "on 22 June 2021".
ANY_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d\d)\b")
# "overran it in September 2015": a month with a year other than the article's is background.
MONTH_YEAR = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+(?P<year>(?:19|20)\d\d)\b"
)
# "Muqur district of Ghazni province |on Sunday|, which": the day belongs to the main clause.
_DAY_BEFORE_RELATIVE = (
    r"(?:\s+(?:(?:late|early)\s+)?(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)(?:\s+(?:night|morning|afternoon|evening))?)?"
)
# ", the port on the Tajik border, which", ", a key town on the highway to Kabul, that": an
# appositive that only describes the place, with a tail of its own, before a relative pronoun.
_PLACE_APPOSITIVE = (
    r",\s*(?:the|a|an|its)\s+(?:[\w’'-]+\s+){0,3}?(?:capital|city|town|cent(?:re|er)|crossing|port"
    r"|hub|district)(?:\s+(?:of|on|with|near|in|along|to|at)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
    # (a restrictive "that" needs no comma: "the border town with Turkmenistan that")
    r"[\w’'-]+(?:\s+(?=that\b)|\s*,\s*(?=which|that))|\s*,\s*(?=which|that))"
)
# "Kalafgan district, which had fallen": a relative pronoun after a place, before the cue.
RELATIVE_AFTER_PLACE = re.compile(
    r"\s*(?:(?:district(?:\s+(?:cent(?:re|er)|headquarters))?|city|province|town|capital"
    r"|(?:border\s+)?(?:crossing|town)|(?:dry\s+)?port)\s*)?"
    + _DAY_BEFORE_RELATIVE
    # ", the provincial capital, which", ", the border town that", ", a district that"
    + r"(?:"
    + _PLACE_APPOSITIVE
    + r"|,\s*(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}?(?:capital|city|town|cent(?:re|er)|crossing"
    r"|district|port|hub)\s*,?\s*"
    r"|,\s*)(?:which|that)\s+"
    # "Imam Sahib district, which officials said had fallen": a source's words in between
    r"(?:(?:local\s+|provincial\s+|security\s+|government\s+)?(?:officials|police|residents"
    r"|lawmakers|the\s+(?:ministry|governor|spokesman|police))\s+(?:said|say|confirmed)\s+)?"
    r"(?:(?:has|had|have|was|were)\s+)?(?:also\s+|already\s+|now\s+|briefly\s+)?(?:been\s+)?$",
    _F,
)
# Words that only describe the place a cue's object names: "the key border crossing of |Spin
# Boldak", "the northern provincial capital of |Kunduz".
PLACE_DESCRIPTOR = re.compile(
    r"\s*(?:the\s+|its\s+)?(?:(?:key|strategic|important|main|nearby|northern|southern|eastern"
    r"|western|central|north\w*|south\w*|border|district|provincial|trading|crossing|town|city"
    r"|capital|cent(?:re|er)|of)\s+)*",
    _F,
)
# "Spin Boldak, which the Taliban seized on Wednesday": the place is the object of the cue.
# "Lashkar Gah, where fighting raged": a "where" clause opening on the fighting.
WHERE_AFTER_PLACE = re.compile(
    r"\s*(?:(?:district|city|province|town|capital)\s*)?,\s*where\s+"
    # "Sheberghan, where the Taliban launched an assault on Sunday night"
    r"(?:(?:the\s+)?(?:taliban|insurgents|militants|fighters|group)\s+(?:had\s+|have\s+)?"
    r"(?:launched|mounted|began|started)\s+(?:an?\s+|their\s+)?)?"
    r"(?:(?:heavy|fierce|intense|sporadic|street|renewed|fresh|new|major|coordinated|large|big"
    r"|massive|full-scale|the)\s+)*$",
    _F,
)
# ", which they seized", ", which the insurgents had overrun": the object is the pronoun.
OBJECT_RELATIVE_BEFORE = re.compile(
    r",\s*(?:which|that)\s+(?:(?:the|afghan|government|security)\s+)*(?:taliban|insurgents|militants"
    r"|fighters|they|forces|troops|commandos|group)\s+(?:(?:had|have|has)\s+)?"
    r"(?:also\s+|already\s+|briefly\s+|only\s+)?$",
    _F,
)
# An appositive that only says where the place before it lies: "Guzara district, on Herat city's
# southern edge," (the comma that closes it stays for the clause after it).
LOCATOR_APPOSITIVE = re.compile(
    r"\s*(?:district|city|town)?\s*,\s*(?:on|near|along|outside|at|just|about|some|(?:\d+|[a-z]+)"
    r"\s+(?:km|kilometres|kilometers|miles)|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)\b"
    r"[^,;.]{0,60}?(?=,)",
    _F,
)
# "northern", "south-west", "central": a province's side, between the locator word and its name
_COMPASS_WORD = r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+|central\s+)?"
# "Doshi |in| Baghlan Province, which": the words between a place and the province that
# locates it.
PROVINCE_LOCATOR_GAP = re.compile(
    r"\s*(?:district|city|town)?\s*,?\s*(?:in|of)\s+(?:the\s+)?" + _COMPASS_WORD,
    _F,
)
# A province named right beside a place that the gazetteer puts in another province says where
# the writer's place is: "Arghandab district of Zabul", "Khost district of Baghlan",
# "Tagab (Badakhshan)", "Zabul's Arghandab district". A province's own name is another place
# only with "district" after it.
OTHER_PROVINCE_GAP = re.compile(PROVINCE_LOCATOR_GAP.pattern + r"|\s*(?:district\s*)?\(\s*", _F)
DISTRICT_OF_PROVINCE_GAP = re.compile(
    r"\s+district\s*,?\s*(?:in|of)\s+(?:the\s+)?" + _COMPASS_WORD + r"|\s+district\s*\(\s*",
    _F,
)
BRACKET_CLOSE_AFTER = re.compile(r"\s*(?:province\s*)?\)", _F)
POSSESSIVE_GAP = re.compile(r"['’]s\s+(?:the\s+)?", _F)
RELATIVE_OBJECT_AFTER_PLACE = re.compile(
    r"\s*(?:(?:district(?:\s+(?:cent(?:re|er)|headquarters))?|districts|city|cities|provinces?|towns?"
    r"|capitals?|(?:border\s+)?(?:crossing|town)|(?:dry\s+)?port)\s*)?"
    + _DAY_BEFORE_RELATIVE
    # "Islam Qala on the Iranian border, which they seized"
    + r"(?:\s+(?:on|near|along)\s+the\s+(?:[\w-]+\s+){0,2}?(?:border|frontier|highway|road)"
    r"|\s+with\s+[A-Z][\w-]+)?"
    # ", which the Taliban seized", ", the border town the Taliban seized"
     + r"(?:" + _PLACE_APPOSITIVE + r"(?:which|that)"
    r"|,\s*(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:town|district|city|crossing|capital)\s+)?"
    r"(?:which|that|(?<=town\s)|(?<=district\s)|(?<=city\s)|(?<=crossing\s)|(?<=capital\s)))\s*"
    r"(?:(?:the|afghan|taliban|government|security|special|its|their)\s+)*"
    r"(?:taliban|insurgents|militants|fighters|forces|troops|commandos|army|soldiers|rebels"
    r"|group|they|enemy|mujahideen)\s+(?:(?:has|had|have)\s+)?(?:also\s+|already\s+|briefly\s+"
    r"|only\s+)?$",
    _F,
)
# The same with no comma, after a name ending in its kind: "Kandahar province that the Taliban
# seized on July 14" (checked against the place's own words: never "told reporters in Kabul that
# the Taliban ...").
BARE_RELATIVE_OBJECT = re.compile(
    r"\s+(?:which|that)\s+(?:the\s+)?(?:taliban|insurgents|militants)\s+(?:(?:has|had|have)\s+)?"
    r"(?:also\s+|already\s+|briefly\s+|only\s+)?$",
    _F,
)
# A participle with no object: "Taken on July 21", "Captured without a fight".
PASSIVE_TAIL = re.compile(
    r"\s+(?:on|in|late|early|after|without|by|overnight|during|at|the\s+night)\b|\s*[.;,]", _F
)
# A later object of a coordination: "Farah on Monday| and |Zaranj on Wednesday".
# (a list's comma too: "captured Sheberghan on July 25, Aibak on July 27, Kunduz on July 28";
# "and the city of |Sar-e-Pul on Monday"; "the loss of Kunduz on Saturday and of |Taloqan")
COORDINATED_OBJECT_BEFORE = re.compile(
    r"(?:(?:,\s*|\s)and\s+|,\s*)(?:of\s+)?(?:the\s+)?(?:(?:city|town|district|province|capital)"
    r"\s+of\s+)?$",
    _F,
)
# A day set before the later object: "captured Gelan on Saturday and|, two days later, the |Shah
# Joi district".
_COUNTED_DAY = (
    r"(?:a|one|two|three|four|five|six|\d)\s+days?\s+later|the\s+(?:next|following)\s+day"
    r"|hours\s+later"
)
COORDINATED_DAY_BEFORE = re.compile(
    r"(?:,\s*|\s)and\s*,\s*(?P<day>" + _COUNTED_DAY + r"|(?:(?:late|early)\s+)?on\s+[A-Z]\w+day)"
    r"\s*,\s*(?:the\s+)?(?:[\w’'-]+\s+){0,2}$"
)
# The day right after a place (and its locating province): "Zaranj| on Wednesday",
# "Tulak| in Ghor on Tuesday", "the Jawand district| of Badghis on Wednesday", "Ghormach| in
# Faryab a day later", "Gizab|, in Daikundi, on Tuesday", "Sar-e Pul| and Taloqan on July 26".
OWN_DAY_AFTER = re.compile(
    r"(?:\s+(?:district|city|province|town|port|(?:border\s+)?crossing))?(?:\s+(?:in|of)\s+[A-Z][\w’'-]+(?:\s+province)?"
    r"|\s+\([A-Z][^()]{1,30}\)|,\s+in\s+[A-Z][\w’'-]+(?:\s+province)?,)?"
    # the day of the pair it opens: "Sar-e Pul| and Taloqan on July 26"
    r"(?:\s+and\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})?"
    r"\s+(?:(?:(?:late|early)\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+\d{1,2}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December))|" + _COUNTED_DAY + r")"
)
# A bulleted line of a factbox or a list.
BULLET = re.compile(r"\s*[*•·▪–—-]\s")
# After a factbox item's head place: "Sheberghan (Jowzjan): ...", "KUNDUZ - ...".
ITEM_HEAD_TAIL = re.compile(r"\s*(?P<aside>\([^()\n]{2,40}\)\s*)?(?::|\s[-–—]|[-–—]\s)\s*")
# Nothing before a verb that opens its sentence but a bullet: "Fell on July 19", "* Fell".
SUBJECTLESS_START = re.compile(r"[\s*•·–—-]*")
# A back reference that points at one place: "the district", "its capital", "it".
# A numbered police district is part of a city named before, like "the city".
DEFINITE = re.compile(r"\b(?:the|its|their|it|police\s+district)\b", _F)
# "the main highway between Kabul and Kandahar": the places name a road.
ROUTE_BEFORE = re.compile(
    # (and the name in apposition: "the highway linking the capital, Kabul, to the north")
    # or a relative clause: "the highway that links Kabul to the north", "which leads to Herat"
    r"\b(?:highway|road|route|motorway)s?\s+(?:between|from|linking|connecting|joining|to"
    r"|(?:that|which)\s+(?:links?|linked|connects?|connected|joins?|leads?\s+to|runs?\s+(?:from|to|between)))\b"
    # (never past a clause of its own: "blocked the road to Jalalabad after capturing |Alingar")
    r"(?:(?!\b(?:after|before|when|while|since|following|but|then|because)\b)[^.;,]){0,40}"
    r"(?:,\s*)?$",
    _F,
)
# "In the western city of Herat, fighters attacked ...": a fronted place sets the scene.
# The comma closing a fronted place: "In Maywand| district,", "In Herat|,".
FRONTED_PLACE_END = re.compile(r"(?:\s+(?:district|province|city))?,")
# A capture verb's object that names a district the gazetteer may not know: "seized Gomal
# district", "overran the Zana Khan district". Case-sensitive: a name, not "several districts".
UNNAMED_DISTRICT_OBJECT = re.compile(r"\s+(?:the\s+)?(?:[A-Z][\w’'-]+\s+){1,2}district\b")
# Cues that give a place up rather than take it: "abandoned their posts", "surrendered".
GIVING_UP = re.compile(r"abandon|surrender|hand", _F)
FRONTED_PLACE = re.compile(
    r"\s*(?:In|Inside|Around|Across)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:(?:city|province|district|town)\s+of\s+)?$"
)
