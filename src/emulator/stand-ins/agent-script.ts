/** The stand-in agent's storyboard: a title and a short script taken from the prompt's own words. */
export function agentScript(prompt: string): { title: string; script: string } {
  const text = prompt.replace(/\s+/g, ' ').trim();
  const sentences = text.split(/(?<=[.!?])\s+/).filter(Boolean);
  const first = sentences[0] ?? text;
  const title = first.length > 60 ? `${first.slice(0, 57).replace(/\s+\S*$/, '')}…` : first.replace(/[.!?]+$/, '');
  const words = sentences.slice(0, 2).join(' ').split(' ').slice(0, 40);
  let script = words.join(' ');
  if (!/[.!?]$/.test(script)) script += '.';
  return { title, script: `Here is a short video. ${script}` };
}
