#ifndef INGEST_READER_H
#define INGEST_READER_H

#include <memory>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <string>
#include <utility>

namespace ingest
{

extern prometheus::Counter &INGEST_BYTES_TOTAL;

extern prometheus::Family<prometheus::Counter> &INGEST_LINES_TOTAL;

/* What every reader shares: its name and the metrics it records to.  */
class reader
{
public:
  reader (std::string name) : name_ (std::move (name))
  {
  }
  virtual ~reader () = default;

  virtual void read (const std::string &chunk) = 0;

  const std::string &
  name () const
  {
    return name_;
  }

protected:
  std::string name_;
};

/* Lines from a file.  */
class file_reader : public reader
{
public:
  file_reader (std::string path) : reader (std::move (path))
  {
  }

  void read (const std::string &chunk) override;
};

/* Raw bytes from a socket.  */
class socket_reader : public reader
{
public:
  socket_reader (int port);

  void read (const std::string &chunk) override;

  int
  port () const
  {
    return port_;
  }

private:
  int port_;
};

} // namespace ingest

#endif
