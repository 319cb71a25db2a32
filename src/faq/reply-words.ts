// Words residents read in FAQ replies, kept together so staff can adjust the tone in one place.
export const replyWords = {
  dayIs: (spoken: string, dates: string[]) => `${spoken}是${dates.join("、")}。`,
  onDay: (date: string, labels: string[]) =>
    labels.length > 0 ? `${date}的安排: ${labels.join(";")}` : `${date}不在常规安排的日子里,请以下面的说明为准。`,
  next: (date: string, label: string) => `最近一次: ${date} — ${label}`,
};
