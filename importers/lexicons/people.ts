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
 Jacques Francois François Jürgen Juergen Giovanni Giuseppe Paolo Sergio Alberto Ricardo Rahul Raj Ravi Sunil Anil Vijay Ratan Mukesh
 Abigail Agnes Aidan Alasdair Alastair Alistair Alec Alessandro Alessandra Alexandra Alfonso Alfredo Alicia Allan Amelia Andrei Angelo Angus Anita
 Annette Antoine Anton Antonia Arne Astrid Audrey Axel Beatrice Bertrand Beth Bettina Bjorn Björn Boris Brenda Brendan Bridget
 Bryan Camilla Carla Carol Carolyn Cecilia Celia Christina Christoph Christophe Clara Clarence Claudia Clive Colm Conor Cornelia Cyril
 Damian Dana Daniela Darren Deborah Declan Deirdre Denise Diane Dietrich Dirk Dmitri Dolores Dorothy Duncan Eamon Eamonn Edith Edmund
 Eduardo Edwin Eileen Elaine Eleanor Elena Elias Elisabeth Ellen Enrico Enrique Erik Erika Ernest Ernst Esther Eugene Evan Evelyn Fabio
 Felix Fergus Fiona Florence Francesca Francesco Francis Franco Franz Frederick Friedrich Gabriel Gabriele Gareth Gavin Geoffrey Gerald
 Gerardo Gerry Gideon Gilbert Giles Gillian Giorgio Gisela Giulia Gloria Godfrey Grace Gregory Gretchen Gunnar Gunther Günther Gustav
 Hamish Hannah Harald Harold Harriet Hazel Heather Hector Heidi Helena Helga Helmut Herbert Herman Hermann Hilary Horst Hubert
 Ignacio Igor Imogen Ines Ingrid Irene Iris Isaac Isabel Isabella Isabelle Iain Ivan Ivor Jacob Jakob Jan Janice Jasper Javier
 Jens Jeroen Jessica Joan Joanna Joachim Jocelyn Johan Johann Johannes Jonas Jorge Josef Josephine Joyce Judith Julie Julius Karin
 Katharina Katherine Kathleen Katrin Kerstin Kieran Kirsten Kristian Lars Laurence Lawrence Leo Leon Leonard Lionel Lorenzo
 Lorna Lothar Louise Lucas Lucia Ludwig Luigi Lukas Lydia Magnus Malcolm Manfred Manuel Marcel Marcus Margot Marian Marianne Marie
 Marina Mario Marisol Marjorie Markus Marta Martha Martina Matthias Maurice Maximilian Megan Melanie Michelle Miguel Miriam
 Monica Monika Muriel Nadia Natalie Nathan Neil Nora Norbert Norman Olga Olivia Oskar Pablo Pamela Patricia Patrizia Pauline
 Penelope Petra Philippe Pieter Priya Rafael Raimund Rainer Ramon Raymond Rebecca Reginald Reinhard Renate Rhys Rita Roberto
 Rodney Rodrigo Roland Rolf Rosalind Rosemary Rudolf Rudolph Sabine Sandra Sebastian Seamus Silvia Sofia Sonia Sophie
 Stefan Stefano Sven Sylvia Teresa Terence Terry Theodore Theresa Thierry Tobias Trevor Ulrich Ursula Valerie Vanessa
 Vera Veronica Vincent Vincenzo Viola Virginia Vivian Wilhelm Willem Winifred Yvonne Zoe Åsa Anders Gustaf Henrik Ingvar Lennart Nils
 Olav Olof Per Sigrid Torsten Ulf Eiji Haruki Ichiro Kazuo Koji Makoto Masahiro Naoko Satoshi Shigeru Taro Yuki Yoshiro Chen Huang Liu`.split(
    /\s+/,
  ),
);
