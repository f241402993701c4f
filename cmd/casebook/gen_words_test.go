package main

import (
	"math/rand/v2"
	"strings"
)

// The vocabulary of generated documents, most frequent first: function
// words (about half of all English tokens, as in real text), then content
// words about cities and their programmes, then a long tail of made-up
// words built from English syllables.

const genStopWords = `the of and to in a is that for it as was with be by on not this are
or from at which but have an had they were their one all we can has there been if more
when will would who so no its also into than other some these may such only over new
after most any could our about them between through both each where while should those
during because however before under within must without against among since many own
same very well then what how even first two three made used per upon being here out
up further said do does did just now often again still across around`

const genContentWords = `city cities water flood waste recycling programme project residents
council municipal urban transport bus rail housing district community local national
government policy plan planning development infrastructure environment climate energy
emissions carbon pollution air quality health hospital disease school education students
training workshop seminar staff officials mayor exchange cooperation network partner
partners international regional agency ministry budget funding investment cost costs
market business industry enterprises companies employment jobs workers economy economic
tourism tourists visitors culture heritage festival museum arts sports youth children
women elderly population growth migration poverty income households families neighbourhood
street streets road roads traffic vehicles parking cycling walking pedestrian safety
disaster earthquake typhoon storm drainage river coast sea port harbour bridge canal
sewer sewage treatment plant facility facilities supply pipe pipes leakage meter tariff
collection landfill compost plastic bottles paper separation sorting garbage incineration
green park parks trees garden gardens land use zoning building buildings construction
design model pilot scheme initiative strategy framework system systems data digital online
service services public private sector citizens volunteers survey study report results
evidence impact outcomes lessons challenges problems solutions approach methods practice
practices experience knowledge skills capacity management monitoring evaluation review
meeting conference forum declaration agreement memorandum delegation visit visits mission
secretariat members membership assembly committee board director manager engineer experts
technical technology innovation research university institute centre center laboratory
food markets vendors slum informal settlement settlements land tenure rent affordable
electricity lighting solar wind power grid fuel gas oil coal efficiency saving savings
renewable heat temperature rainfall drought rain season seasons year years month months
week days time period decade future history past present current recent previous early
late long short large small major minor high low better best good poor rich clean safe
strong weak open closed free full half total average increase decrease reduce reduction
improve improvement expand expansion extend support supported provide provided help helped
create created build built launch launched start started complete completed continue
include included introduce introduced adopt adopted apply applied share shared learn
learned teach taught visit visited host hosted invite invited attend attended present
presented discuss discussed agree agreed sign signed fund funded manage managed operate
operated maintain maintained collect collected measure measured record recorded publish
published report reported review reviewed assess assessed plan planned design designed
people person group groups team teams member leader leaders head office offices unit
area areas zone zones region regions country countries province state village villages
town towns capital metropolitan downtown suburb suburbs island islands mountain valley
hotel airport station terminal route routes line lines network networks link links
level levels rate rates number numbers amount share percent percentage figure figures
water quality drinking bottled groundwater reservoir dam irrigation farmers agriculture
fishing fisheries forest forests wildlife species habitat biodiversity ecosystem nature
waste management hazardous medical chemical industrial domestic household commercial
resident citizen voter election campaign awareness education campaign poster radio
television newspaper media press article newsletter issue edition editor column page
sister friendship twin relationship relations partnership partnerships alliance union
association federation foundation organisation organization charity donors donation
loan loans grant grants subsidy subsidies tax taxes revenue fees fee charge charges
price prices value values quality standards standard regulation regulations law laws
rule rules permit permits licence license inspection inspections enforcement penalty
court police fire emergency rescue ambulance shelter shelters evacuation warning alert
risk risks vulnerable resilience adaptation mitigation recovery reconstruction repair
damage damaged losses victims relief aid assistance donors response preparedness drill
map maps mapping survey surveys census statistics indicator indicators target targets
goal goals objective objectives vision mission priority priorities action actions
step steps phase phases stage stages process procedures procedure guideline guidelines
manual handbook toolkit guide course courses lecture lectures class classes teacher
teachers school schools campus library libraries hall theatre stadium pool gym
clinic clinics doctor doctors nurse nurses patients care vaccine vaccination infection
sanitation toilet toilets hygiene handwashing cholera dengue malaria tuberculosis
mosquito mosquitoes outbreak epidemic pandemic virus testing screening prevention
bicycle bicycles motorcycle motorcycles taxi taxis ferry ferries metro subway tram
congestion commuters commuting fares ticket tickets lane lanes junction signal signals
housing apartment apartments tenants landlord landlords rental ownership mortgage
poverty unemployment welfare pension insurance benefits inclusion equality gender
disability accessible accessibility barrier barriers ramp elevator transit corridor
waterfront riverside promenade square plaza boulevard avenue market marketplace
craft crafts handicraft souvenir cuisine restaurant restaurants cafe shops shopping
festival festivals concert concerts music dance theatre film cinema exhibition gallery
temple shrine church mosque palace castle fortress monument monuments ruins tradition
traditional modern historic historical ancient old young elder generations ceremony`

// The long tail of words is made of English syllables, so that the
// term dictionary and the rare terms look like those of a real collection.
var (
	genOnsets = strings.Fields("b bl br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr r s sh sl sp st t th tr v w")
	genVowels = strings.Fields("a e i o u a e i o u ea ou ai")
	genCodas  = append([]string{"", "", ""}, strings.Fields("n r l s t d m ng nd nt st ck")...)
	genEnds   = append([]string{"", "", "", "", "", ""}, strings.Fields("ing ed er ion al ity ous ly ness ive")...)
)

// tailWord makes one made-up word of two or three syllables, at most 11
// letters long.
func tailWord(r *rand.Rand) string {
	for {
		var b strings.Builder
		n := 2 + r.IntN(10)/7
		for i := range n {
			if i == 0 || r.IntN(3) > 0 {
				b.WriteString(genOnsets[r.IntN(len(genOnsets))])
			}
			b.WriteString(genVowels[r.IntN(len(genVowels))])
			b.WriteString(genCodas[r.IntN(len(genCodas))])
		}
		b.WriteString(genEnds[r.IntN(len(genEnds))])
		if b.Len() <= 11 {
			return b.String()
		}
	}
}
