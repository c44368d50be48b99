/** Common first names: a capitalised pair starting with one of these is a person, not a company. */
export const FIRST_NAMES = new Set(
  `Aaron Adam Adrian Alan Albert Alex Alexander Alexandre Alfred Alice Alison Amanda Amy Andrea Andreas Andrew Andy Angela Ann Anna Anne
  Anthony Antonio Arnold Arthur Barbara Ben Benjamin Bernard Bernie Bill Bob Brian Bruce Carl Carlos Caroline Catherine Charles Charlie
  Chris Christian Christine Christopher Claire Claude Colin Craig Dan Daniel Dave David Dennis Derek Diana Dieter Dominic Donald Doug
  Douglas Ed Edward Elizabeth Emily Emma Eric Fernando Frank Fred Gary George Gerard Gerhard Gordon Graham Greg Guy Hans Harry Heinrich
  Helen Henry Howard Hugh Ian Jack James Jane Janet Jason Jean Jeff Jennifer Jeremy Jim Joe John Jonathan Jose Joseph Juan Julia Julian
  Justin Karen Karl Kate Keith Ken Kenneth Kevin Klaus Larry Laura Lee Linda Lisa Louis Lucy Luis Luca Marc Marco Margaret Maria Mark
  Martin Mary Matthew Michael Michel Mike Nicholas Nick Nicola Nigel Oliver Patrick Paul Pedro Peter Philip Phil Pierre Rachel Ralph
  Richard Rick Rob Robert Roger Ron Ronald Rupert Ruth Ryan Sam Samuel Sarah Scott Sean Sergei Simon Stephen Steve Steven Stuart Sue
  Susan Thomas Tim Timothy Tom Tony Victor Vladimir Walter Wendy William Wolfgang Yuri Hiroshi Takeshi Kenji Akio Li Wang Zhang Mikhail
  Jacques Francois François Jürgen Juergen Giovanni Giuseppe Paolo Sergio Alberto Ricardo Rahul Raj Ravi Sunil Anil Vijay Ratan Mukesh`.split(
    /\s+/,
  ),
);
