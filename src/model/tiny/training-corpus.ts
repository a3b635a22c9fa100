// The text the tiny tokenizer is trained on. Written for this project: plain English across several
// registers, plus the shapes evaluation prompts take (few-shot "Question:/Answer:" blocks, multiple
// choice letters, arithmetic, "The answer is", chat turns), so that common prompt pieces become
// single tokens and prompts encode to realistic lengths. Anything outside it (Chinese, emoji) still
// encodes, byte by byte.

export const TRAINING_CORPUS = `The quick brown fox jumps over the lazy dog. A small model can still learn the shape of language.
Evaluation is the process of measuring how well a model answers questions that it has never seen before.
We compare the accuracy of each model on the same set of questions, and we also measure how fast it runs.

Question: What is 12 + 7?
Answer: 12 + 7 = 19. The answer is 19.

Question: What is 45 - 18?
Answer: 45 - 18 = 27. The answer is 27.

Question: A farmer has 3 fields with 24 cows in each field. How many cows does the farmer have?
Answer: There are 3 fields and each has 24 cows, so 3 * 24 = 72. The answer is 72.

Question: Tom reads 15 pages every day. How many pages does he read in 8 days?
Answer: He reads 15 pages per day for 8 days, so 15 * 8 = 120. The answer is 120.

Question: Which planet is known as the Red Planet?
A. Venus
B. Mars
C. Jupiter
D. Saturn
Answer: B

Question: What is the boiling point of water at sea level in degrees Celsius?
A. 50
B. 90
C. 100
D. 212
Answer: C

Question: Which of the following is a prime number?
A. 21
B. 27
C. 29
D. 33
Answer: C

Question: Who wrote the play "Romeo and Juliet"?
A. Charles Dickens
B. William Shakespeare
C. Jane Austen
D. Mark Twain
Answer: B

The following are multiple choice questions (with answers) about high school mathematics.
The following are multiple choice questions (with answers) about world history.
The following are multiple choice questions (with answers) about computer science.

User: Hello! Can you help me with a question about the weather?
Assistant: Of course. Tell me where you are and what you would like to know.
User: Will it rain in the city tomorrow afternoon?
Assistant: I cannot see live forecasts, but you can check a local weather service for the latest update.
User: Please write a short poem about the sea.
Assistant: The sea is wide, the sea is deep, it sings the sailors off to sleep.
User: What is the capital of France?
Assistant: The capital of France is Paris.
User: Summarize the text in one sentence.
Assistant: The text explains how to measure the quality of a model with a fixed set of questions.

Let's think step by step. First, we find the total. Then we divide by the number of groups.
If x + 5 = 12, then x = 7. If 2y = 18, then y = 9. The sum of the first 10 positive integers is 55.
The year 2024 had 366 days, because it was a leap year. There are 60 minutes in an hour and 24 hours in a day.
In 1969, the first people walked on the Moon. The Earth orbits the Sun once every 365.25 days.
Prices rose by 3.5% last year; the new price is $10.35, up from $10.00.

def add(a, b):
    return a + b

for i in range(10):
    print(i * i)

function greet(name) {
  return "Hello, " + name + "!";
}

Reading comprehension: The river runs through the valley and into the lake. In spring, the snow on
the mountains melts, and the water level rises. Farmers use the water to grow wheat, corn and rice.
Question: Where does the river end?
Answer: The river ends in the lake.

Natural language inference: Premise: A man is playing a guitar on the stage. Hypothesis: A person is
making music. Does the premise entail the hypothesis? Answer with yes, no or maybe.
Answer: yes

Sentiment: "I loved this movie, the acting was wonderful and the story was moving." Is the review
positive or negative?
Answer: positive

Translate to French: "Good morning, how are you?"
Answer: "Bonjour, comment allez-vous ?"

Instructions: Write your answer in exactly three sentences. Do not use any commas. End your response
with the phrase "Is there anything else I can help with?"

Science: Plants make their food through photosynthesis. They take in carbon dioxide and water, and with
the energy of sunlight they produce sugar and oxygen. Animals breathe in oxygen and breathe out carbon
dioxide. The cell is the basic unit of life. Energy cannot be created or destroyed, only changed from
one form to another.

History: The printing press was invented in the fifteenth century. It allowed books to be made quickly
and cheaply, and ideas spread across Europe. Many people learned to read, and new schools were opened.

Everyday life: She opened the window, made a cup of tea and sat down to read the morning news. Her
brother was still asleep. Outside, children were walking to school and a bus stopped at the corner.
They went to the market on Saturday to buy apples, bread, cheese, eggs, fish and milk. It cost 23 dollars.

Question: Is the number 91 prime? Answer yes or no.
Answer: No, because 91 = 7 * 13. The answer is no.

Question: If a train travels 60 miles per hour for 2.5 hours, how far does it travel?
Answer: Distance equals speed times time, so 60 * 2.5 = 150 miles. The answer is 150.

Question: What is the next number in the sequence 2, 4, 8, 16, ...?
Answer: Each number is twice the one before it, so the next number is 32. The answer is 32.

Question: Sarah had 48 stickers. She gave 1/4 of them to her friend. How many stickers does she have now?
Answer: She gave away 48 / 4 = 12 stickers, so she has 48 - 12 = 36 left. The answer is 36.

Question: What is the square root of 144?
Answer: The square root of 144 is 12 because 12 * 12 = 144. The answer is 12.

Question: Which gas do plants release during photosynthesis?
A. Nitrogen
B. Oxygen
C. Carbon dioxide
D. Hydrogen
Answer: B

Question: Complete the sentence: The children were hungry, so they ...
A. went to sleep.
B. ate some sandwiches.
C. painted the wall.
D. closed the door.
Answer: B

User: Can you explain what a neural network is?
Assistant: A neural network is a model made of layers of simple units. Each unit combines its inputs
with learned weights, and the network learns those weights from examples.
User: How many layers does it have?
Assistant: It depends on the model. Small ones have two or three layers; large ones have many more.
User: Thank you!
Assistant: You are welcome. Is there anything else I can help with?

Final answer: 42. Therefore, the correct option is (A). So the answer is (D). #### 18
Note: all numbers are rounded to two decimal places, e.g. 3.14, 2.72, 1.41 and 0.58.
Dates look like 2025-06-30, times like 09:45, and versions like v4.5.0.
`;
