/** Languages the emulator translates into, each spoken by an eSpeak NG voice of that language. */
export const TRANSLATION_LANGUAGES: Record<string, string> = {
  'English (United States)': 'en-us',
  'English (United Kingdom)': 'en-gb',
  'Spanish (Spain)': 'es',
  'Spanish (Mexico)': 'es-419',
  'French (France)': 'fr',
  'German (Germany)': 'de',
  'Italian (Italy)': 'it',
  'Portuguese (Brazil)': 'pt-br',
  'Dutch (Netherlands)': 'nl',
  'Polish (Poland)': 'pl',
  'Hindi (India)': 'hi',
  'Japanese (Japan)': 'ja',
  'Chinese (Mandarin, Simplified)': 'cmn',
};
