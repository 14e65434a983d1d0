ValueSet: LungCareHcPartyRoleVS
Id: lungcare-hcparty-role
Title: "LungCare Care Professional Role (cd-hcparty)"
Description: "The cd-hcparty (eHealth platform, BeCore) professions involved in the LungCare programme, with their nl-BE, fr-BE, de and en designations. The cd-hcparty code system itself is maintained by the eHealth platform; this value set enumerates the codes used here."
* insert LungCareMetadata
* $hcparty#persgeneralphysician "General practitioner"
* $hcparty#persgeneralphysician insert Designations(Huisarts, Médecin généraliste, Allgemeinmediziner, General practitioner)
* $hcparty#perspneumologist "Pneumologist"
* $hcparty#perspneumologist insert Designations(Pneumoloog, Pneumologue, Lungenarzt, Pneumologist)
* $hcparty#persdermatovenereologist "Dermato-venereologist"
* $hcparty#persdermatovenereologist insert Designations(Dermato-venereoloog, Dermato-vénéréologue, Dermatologe und Venerologe, Dermato-venereologist)
* $hcparty#persotolaryngologist "Otorhinolaryngologist"
* $hcparty#persotolaryngologist insert Designations(Otorhinolaryngoloog (NKO-arts\), Oto-rhino-laryngologue (ORL\), Hals-Nasen-Ohren-Arzt, Otorhinolaryngologist (ENT\))
* $hcparty#perspediatrician "Paediatrician"
* $hcparty#perspediatrician insert Designations(Kinderarts, Pédiatre, Kinderarzt, Paediatrician)
* $hcparty#perspharmacist "Pharmacist"
* $hcparty#perspharmacist insert Designations(Apotheker, Pharmacien, Apotheker, Pharmacist)
* $hcparty#persphysiotherapist "Physiotherapist"
* $hcparty#persphysiotherapist insert Designations(Kinesitherapeut, Kinésithérapeute, Physiotherapeut, Physiotherapist)
* $hcparty#persrespiratoryphysiotherapist "Respiratory physiotherapist"
* $hcparty#persrespiratoryphysiotherapist insert Designations(Respiratoir kinesitherapeut, Kinésithérapeute respiratoire, Atemphysiotherapeut, Respiratory physiotherapist)
* $hcparty#persnurse "Nurse"
* $hcparty#persnurse insert Designations(Verpleegkundige, Infirmier, Pflegefachperson, Nurse)
* $hcparty#perssocialworker "Social worker"
* $hcparty#perssocialworker insert Designations(Maatschappelijk werker, Assistant social, Sozialarbeiter, Social worker)
* $hcparty#persdietician "Dietician"
* $hcparty#persdietician insert Designations(Diëtist, Diététicien, Diätassistent, Dietician)
