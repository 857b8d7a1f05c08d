const words = (list: string) => list.trim().split(/\s+/);

/**
 * Words that name no finding or drug, in the three encounter languages (normalized, accents removed). A term
 * that is a stopword is never compared for polarity and never taken for the drug a dose belongs to.
 */
export const clinicalStopwords: ReadonlySet<string> = new Set([
  ...words(`
    a o as os um uma uns umas de da do das dos em na no nas nos por pelo pela pelos pelas para pra pro com como
    que se ja nao sim mais menos muito muita muitos muitas pouco pouca bem mal ainda tambem so apenas quando onde
    ele ela eles elas eu voce voces senhor senhora seu sua seus suas meu minha meus minhas isso isto esse essa
    este esta estes estas aquele aquela aqui ali la tudo todo toda todos todas nada algo alguma algum qualquer
    ser sou era foi sao estar estou esta estava estao ficar fica ficou ter tenho tem tinha teve tive temos
    fazer faz fez vai vou ir ia dar deu dizer diz disse falou fala acho acha sei sabe pode posso dia dias vez
    vezes hoje ontem agora antes depois desde ate entao porque pois mas porem contudo ou nem cada outro outra
    paciente refere relata relatou referiu apresenta apresentou queixa queixas informa conta conta nega negou
    doutor doutora dra tipo coisa coisas gente assim ne ah eh hum uhum aham vamos vamo ok certo
    tomar toma tomo tomou tomei tomando usar usa uso usou usando prescrito prescrita prescrever prescrevo
    passar passo passei iniciar iniciado iniciada manter mantido mantida mantem suspender suspenso suspensa
    aumentar reduzir dose doses posologia via oral comecar comecou continuar continua segue seguir
    lembro lembra lembrar acredito parece sabe saber
  `),
  ...words(`
    the an and or but of in on at to for from with without by as is are was were be been being am do does did
    have has had having i you he she it we they me him her them my your his its our their this that these those
    there here what which who whom when where why how all any some no not nor only just also very really so too
    than then now today yesterday ago since until about into over under again more less much many few lot
    can could will would should may might must shall yes yeah okay ok well like get got gets go goes went
    patient pt reports reported report states stated says said notes noted tells told describes described
    complains presents endorses denies denied doctor dr mr mrs ms um uh oh hmm thing things kind sort
    take takes taking took taken use uses using used start started starting prescribed prescribe continue
    continued increase increased decrease decreased reduce dose dosage doses given give orally longer anymore
    still day days time times think thought believe guess remember recall know knew sure maybe
  `),
  ...words(`
    el la los las un una unos unas del al y e o u en por para con sin como que se ya si mas menos muy mucho
    mucha muchos muchas poco poca bien mal todavia tambien solo cuando donde usted ustedes yo tu ella ellos
    ellas mi mis su sus este esta estos estas ese esa eso aqui alli todo toda todos todas nada algo algun
    alguna ser soy es era fue son estar estoy esta estaba tener tengo tiene tenia tuvo tuve hacer hace hizo
    va voy ir dar dice dijo creo puede hoy ayer ahora antes despues desde hasta entonces porque pero ni cada
    otro otra paciente refiere relata presenta niega doctor doctora senor senora tomar toma tomo tomando usar
    usa uso recetado recetada iniciar dosis recuerdo parece
  `),
]);

/** Clinical words of fewer than four letters that are still findings ("dor", "tos" = cough, "pus"). */
export const shortClinicalTerms: ReadonlySet<string> = new Set(words('dor tos pus flu fc fr pa sat'));
