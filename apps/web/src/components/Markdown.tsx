import ReactMarkdown from 'react-markdown';

/**
 * Markdown written by members (ticket descriptions, comments, clauses). react-markdown renders
 * no raw HTML, so nothing a member writes runs as script; links open outside the app.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="tetrad-markdown">
      <ReactMarkdown
        components={{
          a: ({ href, children: text }) => (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow">
              {text}
            </a>
          ),
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
